package org.kontor.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.kontor.intake.DocumentIntakeProcess.Vars;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.document.DocumentDigitiser;
import org.kontor.document.DocumentService;
import org.kontor.document.DocumentStatus;
import org.kontor.document.DocumentType;
import org.kontor.document.corpus.GeneratedDocument;
import org.kontor.document.digitise.TestDocuments;
import org.kontor.inventory.count.CountLine;
import org.kontor.inventory.count.CountSheetScans;
import org.kontor.inventory.count.CountSource;
import org.kontor.inventory.count.InventoryReconciliationProcess;
import org.kontor.inventory.count.StockCountService;
import org.kontor.intake.DocumentIntakeProcess.TriageDecision;
import org.kontor.platform.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** document-intake.bpmn, one test per path, with the real robots and the real document store. */
class DocumentIntakeProcessTest extends ProcessTestSupport {

    @TempDir
    Path dir;

    @Autowired
    DocumentIntakeService intake;

    @Autowired
    DocumentService documents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DocumentDigitiser digitiser;

    @Autowired
    StockCountService counts;

    @Test
    void robotsDigitiseAndClassifyARealDocument() throws Exception {
        Path pdf = Files.write(dir.resolve("delivery-note.pdf"), org.kontor.document.digitise.HostileFiles.textPdf("DELIVERY NOTE",
                "Delivery note no. DN-55120", "Dispatch date: 14.03.2024", "Your order: PO-2024-1177",
                "Ship to: Elbe Gastro Service KG, Lange Reihe 45, Hamburg", "Item  Description  Qty delivered",
                "CL-3001  Paper towels 2-ply  12", "CL-3020  Nitrile gloves M  30", "Packages: 3   Weight: 41 kg",
                "Received in good condition: ____________ (signature)"));
        ProcessInstance instance = start(pdf);

        assertThat(instance).isWaitingAt(DocumentIntakeProcess.TASK_DIGITISE);
        runJobs(instance);

        assertThat(instance).hasPassed(DocumentIntakeProcess.TASK_DIGITISE, DocumentIntakeProcess.TASK_CLASSIFY);
        assertThat(instance).variables().containsKeys(Vars.DOCUMENT_TYPE, Vars.TYPE_CONFIDENCE, Vars.MODEL_VERSION,
                Vars.NEEDS_REVIEW, Vars.TOP_GUESSES);
        var document = documents.get(instance.getBusinessKey());
        assertThat(document.textSource()).isEqualTo("TEXT_LAYER");
        assertThat(document.modelVersion()).isNotBlank();
        assertThat(instance).isWaitingAt((Boolean) runtimeVariable(instance, Vars.NEEDS_REVIEW)
                ? DocumentIntakeProcess.USER_TASK_CLASSIFY : DocumentIntakeProcess.USER_TASK_TRIAGE);
    }

    @Test
    void certainClassificationGoesStraightToTriage() throws Exception {
        ProcessInstance instance = startAtGateway(false, DocumentType.INVOICE);
        assertThat(instance).isWaitingAt(DocumentIntakeProcess.USER_TASK_TRIAGE);
        assertThat(task(instance)).hasCandidateGroup("clerks");
        assertThat(formRef(task(instance))).isEqualTo(DocumentIntakeProcess.FORM_TRIAGE);
    }

    @Test
    void unsureClassificationAsksAClerkAndKeepsTheAnswerAsTrainingData() throws Exception {
        ProcessInstance instance = startAtGateway(true, DocumentType.OTHER);
        assertThat(instance).isWaitingAt(DocumentIntakeProcess.USER_TASK_CLASSIFY);
        assertThat(task(instance)).hasCandidateGroup("clerks");
        assertThat(formRef(task(instance))).isEqualTo(DocumentIntakeProcess.FORM_CLASSIFY);

        complete(task(instance), withVariables(Vars.CLERK_DOCUMENT_TYPE, DocumentType.DELIVERY_NOTE.name()));
        runJobs(instance);

        assertThat(instance).hasPassed(DocumentIntakeProcess.TASK_RECORD_CLERK_CLASSIFICATION)
                .isWaitingAt(DocumentIntakeProcess.USER_TASK_TRIAGE)
                .variables().containsEntry(Vars.DOCUMENT_TYPE, DocumentType.DELIVERY_NOTE.name());
        String documentId = instance.getBusinessKey();
        assertThat(documents.get(documentId).documentType()).isEqualTo(DocumentType.DELIVERY_NOTE);
        assertThat(documents.get(documentId).classifiedBy()).isNotBlank();
        assertThat(jdbc.sql("SELECT document_type FROM document_label WHERE document_id = :id").param("id", documentId)
                .query(String.class).list()).containsExactly("DELIVERY_NOTE");
    }

    @Test
    void stockCountSpreadsheetStartsAReconciliation() throws Exception {
        Path csv = Files.writeString(dir.resolve("count.csv"), "Article No.;Counted Qty;Bin\nBV-5002;"
                + (40 + System.nanoTime() % 50) + ";K-1\n");
        String documentId = documents.register(csv, "count.csv", "TEST", "test").document().documentId();
        ProcessInstance instance = processEngine.getRuntimeService().createProcessInstanceByKey(DocumentIntakeProcess.KEY)
                .businessKey(documentId)
                .startBeforeActivity(DocumentIntakeProcess.GATEWAY_CLASSIFICATION_CERTAIN)
                .setVariable(Vars.DOCUMENT_ID, documentId)
                .setVariable(Vars.FILE_NAME, "count.csv")
                .setVariable(Vars.DOCUMENT_TYPE, DocumentType.STOCK_COUNT.name())
                .setVariable(Vars.TEXT_SOURCE, "TABLE")
                .setVariable(Vars.NEEDS_REVIEW, false)
                .execute();
        runJobs(instance);

        assertThat(instance).isEnded().hasPassed(DocumentIntakeProcess.TASK_START_RECONCILIATION,
                DocumentIntakeProcess.END_EVENT_HANDED_TO_RECONCILIATION);
        String countId = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(Vars.COUNT_ID).singleResult().getValue();
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(countId)
                .count()).isEqualTo(1);
        assertThat(documents.get(documentId).status()).isEqualTo(DocumentStatus.ACCEPTED);
    }

    @Test
    void scannedStockCountStartsAReconciliationWithTheLinesReadFromTheScan() throws Exception {
        // quantities unlike any other test's, so the lines are this scan's
        int n = (int) (System.nanoTime() % 40);
        List<CountSheetScans.Row> rows = CountSheetScans.demoRows().stream().map(r -> new CountSheetScans.Row(r.bin(),
                r.sku(), r.description(), r.book(), String.valueOf(100 + n + r.book()))).toList();
        ProcessInstance instance = startScannedCount(CountSheetScans.sheet("scan-" + n, CountSheetScans.CLASSIC, rows));
        runJobs(instance);

        assertThat(instance).isEnded().hasPassed(DocumentIntakeProcess.TASK_START_RECONCILIATION,
                DocumentIntakeProcess.GATEWAY_COUNT_STARTED, DocumentIntakeProcess.END_EVENT_HANDED_TO_RECONCILIATION);
        String countId = historicVariable(instance, Vars.COUNT_ID);
        ProcessInstance reconciliation = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(countId).singleResult();
        assertThat(reconciliation).isNotNull();
        assertThat(processEngine.getRuntimeService().getVariable(reconciliation.getId(),
                InventoryReconciliationProcess.Vars.COUNT_SOURCE)).isEqualTo(CountSource.DOCUMENT.name());
        runJobs(reconciliation);

        assertThat(counts.get(countId).documentId()).isEqualTo(instance.getBusinessKey());
        assertThat(counts.lines(countId, Set.of(), 0, 100)).extracting(CountLine::sku, CountLine::countedQuantity)
                .containsExactlyInAnyOrderElementsOf(rows.stream()
                        .map(r -> org.assertj.core.groups.Tuple.tuple(r.sku(), Integer.valueOf(r.counted()))).toList());
        assertThat(documents.get(instance.getBusinessKey()).status()).isEqualTo(DocumentStatus.ACCEPTED);
    }

    @Test
    void aCountSheetNotFilledInGoesToTriageWithTheReason() throws Exception {
        List<CountSheetScans.Row> rows = CountSheetScans.demoRows().stream().map(r -> new CountSheetScans.Row(r.bin(),
                r.sku(), r.description(), r.book(), "______")).toList();
        ProcessInstance instance = startScannedCount(CountSheetScans.sheet("blank-" + System.nanoTime(),
                CountSheetScans.BLIND_UPPER, rows));
        runJobs(instance);

        assertThat(instance).hasPassed(DocumentIntakeProcess.TASK_START_RECONCILIATION)
                .isWaitingAt(DocumentIntakeProcess.USER_TASK_TRIAGE)
                .variables().containsEntry(Vars.COUNT_STARTED, false).doesNotContainKey(Vars.COUNT_ID);
        assertThat((String) runtimeVariable(instance, Vars.TRIAGE_REASON)).contains("not filled in");
        assertThat(task(instance)).hasCandidateGroup("clerks");
    }

    /** A printed count sheet, scanned, digitised by the real OCR and classified (given) as a stock count. */
    private ProcessInstance startScannedCount(GeneratedDocument sheet) throws Exception {
        Path png = TestDocuments.writePng(CountSheetScans.scan(sheet, "DejaVu Sans", 0.4), dir.resolve(sheet.id() + ".png"));
        String documentId = documents.register(png, png.getFileName().toString(), "TEST", "test").document().documentId();
        DocumentDigitiser.Digitised digitised = digitiser.digitise(documentId);
        return processEngine.getRuntimeService().createProcessInstanceByKey(DocumentIntakeProcess.KEY)
                .businessKey(documentId)
                .startBeforeActivity(DocumentIntakeProcess.GATEWAY_CLASSIFICATION_CERTAIN)
                .setVariable(Vars.DOCUMENT_ID, documentId)
                .setVariable(Vars.FILE_NAME, png.getFileName().toString())
                .setVariable(Vars.DOCUMENT_TYPE, DocumentType.STOCK_COUNT.name())
                .setVariable(Vars.TEXT_SOURCE, digitised.textSource())
                .setVariable(Vars.NEEDS_REVIEW, false)
                .execute();
    }

    private String historicVariable(ProcessInstance instance, String name) {
        return (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
    }

    @Test
    void acceptedTriageEndsTheProcessWithTheDocumentAccepted() throws Exception {
        ProcessInstance instance = startAtGateway(false, DocumentType.INVOICE);
        complete(task(instance), withVariables(Vars.TRIAGE_DECISION, TriageDecision.ACCEPT.name()));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed(DocumentIntakeProcess.END_EVENT);
        assertThat(documents.get(instance.getBusinessKey()).status()).isEqualTo(DocumentStatus.ACCEPTED);
    }

    @Test
    void rejectedTriageEndsTheProcessWithTheDocumentRejected() throws Exception {
        ProcessInstance instance = startAtGateway(false, DocumentType.OTHER);
        complete(task(instance), withVariables(Vars.TRIAGE_DECISION, TriageDecision.REJECT.name()));
        runJobs(instance);
        assertThat(instance).isEnded();
        assertThat(documents.get(instance.getBusinessKey()).status()).isEqualTo(DocumentStatus.REJECTED);
    }

    @Test
    void aClerkWhoCorrectsTheTypeInTriageRoutesTheDocumentAgainAndTeachesTheClassifier() throws Exception {
        ProcessInstance instance = startAtGateway(false, DocumentType.OTHER);
        complete(task(instance), withVariables(Vars.TRIAGE_DECISION, TriageDecision.RECLASSIFY.name(),
                Vars.TRIAGE_DOCUMENT_TYPE, DocumentType.PURCHASE_ORDER.name(), Vars.COMPLETED_BY, "clerk"));
        execute(job(instance));

        assertThat(instance).hasPassed(DocumentIntakeProcess.GATEWAY_TRIAGE_OUTCOME)
                .isWaitingAt(DocumentIntakeProcess.TASK_START_ORDER_INTAKE);
        assertThat(runtimeVariable(instance, Vars.DOCUMENT_TYPE)).isEqualTo(DocumentType.PURCHASE_ORDER.name());
        String documentId = instance.getBusinessKey();
        assertThat(documents.get(documentId).documentType()).isEqualTo(DocumentType.PURCHASE_ORDER);
        assertThat(jdbc.sql("SELECT document_type FROM document_label WHERE document_id = :id").param("id", documentId)
                .query(String.class).list()).containsExactly(DocumentType.PURCHASE_ORDER.name());
    }

    @Test
    void aDamagedScanEndsInAnIncidentAClerkCanRead() throws Exception {
        Path good = TestDocuments.writePng(TestDocuments.purchaseOrder(TestDocuments.order(3), "DejaVu Serif", 0, 3),
                dir.resolve("good.png"));
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.png"), Arrays.copyOf(bytes, bytes.length / 3));
        ProcessInstance instance = start(truncated);

        runJobsThroughRetries(instance);

        Incident incident = processEngine.getRuntimeService().createIncidentQuery()
                .processInstanceId(instance.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo(DocumentIntakeProcess.TASK_DIGITISE);
        assertThat(incident.getIncidentMessage()).isNotBlank().doesNotContain("Exception");
        var document = documents.get(instance.getBusinessKey());
        assertThat(document.status()).isEqualTo(DocumentStatus.FAILED);
        assertThat(document.problems()).contains(incident.getIncidentMessage().substring(0, 20));
    }

    private ProcessInstance start(Path file) {
        DocumentIntakeService.Intake result = intake.receive(file, file.getFileName().toString(), "TEST", "test");
        return processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(result.processInstanceId()).singleResult();
    }

    /** The gateway's branches, entered with the classifier's answer given, so each path is tested for sure. */
    private ProcessInstance startAtGateway(boolean needsReview, DocumentType type) throws IOException {
        Path csv = Files.writeString(dir.resolve("doc.csv"), "a,b\n" + System.nanoTime() + ",x\n");
        String documentId = documents.register(csv, "doc.csv", "TEST", "test").document().documentId();
        return processEngine.getRuntimeService().createProcessInstanceByKey(DocumentIntakeProcess.KEY)
                .businessKey(documentId)
                .startBeforeActivity(DocumentIntakeProcess.GATEWAY_CLASSIFICATION_CERTAIN)
                .setVariable(Vars.DOCUMENT_ID, documentId)
                .setVariable(Vars.FILE_NAME, "doc.csv")
                .setVariable(Vars.DOCUMENT_TYPE, type.name())
                .setVariable(Vars.NEEDS_REVIEW, needsReview)
                .execute();
    }

    private Object runtimeVariable(ProcessInstance instance, String name) {
        return processEngine.getRuntimeService().getVariable(instance.getId(), name);
    }
}
