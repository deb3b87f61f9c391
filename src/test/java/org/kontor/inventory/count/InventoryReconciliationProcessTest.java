package org.kontor.inventory.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.kontor.inventory.count.InventoryReconciliationProcess.Vars;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.kontor.inventory.InventoryService;
import org.kontor.inventory.MovementType;
import org.kontor.inventory.StockMovement;
import org.kontor.platform.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of inventory-reconciliation.bpmn on the real engine, the real DMN and the real stock tables. */
class InventoryReconciliationProcessTest extends ProcessTestSupport {

    @Autowired
    ReconciliationStarter starter;

    @Autowired
    StockCountService counts;

    @Autowired
    InventoryService inventory;

    @Autowired
    ReplenishmentService replenishment;

    @Autowired
    ReconciliationReportWriter reports;

    @Autowired
    Clock clock;

    @Test
    void smallVariancesArePostedByRuleWithoutAnybody() {
        int pens = onHand("OF-1010");
        int notes = onHand("OF-1040");
        ProcessInstance instance = upload("Article No.;Qty;Location\nOF-1010;" + (pens - 1) + ";A-01\nOF-1040;" + notes + ";A-02\n");

        runJobs(instance);

        assertThat(instance).isEnded().hasPassed(InventoryReconciliationProcess.TASK_PARSE,
                        InventoryReconciliationProcess.TASK_EVALUATE, InventoryReconciliationProcess.TASK_POST,
                        InventoryReconciliationProcess.TASK_REPORT, InventoryReconciliationProcess.TASK_REPLENISHMENT)
                .hasNotPassed(InventoryReconciliationProcess.USER_TASK_APPROVE);
        assertThat(onHand("OF-1010")).isEqualTo(pens - 1);
        assertThat(onHand("OF-1040")).isEqualTo(notes);
        String countId = countId(instance);
        assertThat(counts.get(countId).status()).isEqualTo(CountStatus.COMPLETED);
        assertThat(line(countId, "OF-1010").decision()).isEqualTo("AUTO_ACCEPT");
        assertThat(line(countId, "OF-1010").postedQuantity()).isEqualTo(-1);
        StockMovement movement = inventory.movements("OF-1010", 1).get(0);
        assertThat(movement.movementType()).isEqualTo(MovementType.COUNT_ADJUSTMENT);
        assertThat(movement.actor()).isEqualTo(StockCountService.ROBOT);
        assertThat(movement.reference()).isEqualTo("count:" + countId);
        assertThat(movement.reason()).contains("accepted by rule");
        assertThat(Files.exists(reports.reportFile(countId))).isTrue();
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(Vars.REPORT_URL).singleResult().getValue()).isEqualTo("/api/inventory/counts/" + countId + "/report");
        assertThat(processEngine.getTaskService().getProcessInstanceAttachments(instance.getId()))
                .singleElement().satisfies(a -> assertThat(a.getUrl()).endsWith(countId + "/report"));
    }

    @Test
    void supervisorApprovesALargeVarianceAndOnlyThenItIsPosted() {
        int cartons = onHand("PK-2002");
        int gloves = onHand("CL-3020");
        ProcessInstance instance = upload("sku,counted_quantity\nPK-2002," + (cartons - 5) + "\nCL-3020," + (gloves - 1) + "\n");

        runJobs(instance);

        assertThat(instance).isWaitingAt(InventoryReconciliationProcess.USER_TASK_APPROVE);
        assertThat(task()).hasCandidateGroup("supervisors").hasFormKey(null);
        assertThat(onHand("CL-3020")).as("the small variance is posted at once").isEqualTo(gloves - 1);
        assertThat(onHand("PK-2002")).as("nothing waiting for approval is posted").isEqualTo(cartons);
        String table = (String) processEngine.getRuntimeService().getVariable(instance.getId(), Vars.VARIANCE_TABLE);
        assertThat(table).contains("PK-2002").contains("-5").contains("-147.50").doesNotContain("CL-3020");

        completeAs("supervisor", Map.of("confirmApproval", true, Vars.APPROVAL_NOTE, "cartons crushed in aisle 3"));
        runJobs(instance);

        assertThat(instance).isEnded();
        assertThat(onHand("PK-2002")).isEqualTo(cartons - 5);
        StockMovement movement = inventory.movements("PK-2002", 1).get(0);
        assertThat(movement.actor()).isEqualTo("supervisor");
        assertThat(movement.reason()).contains("approved by supervisor");
        assertThat(line(countId(instance), "PK-2002").status()).isEqualTo(LineStatus.POSTED);
        assertThat(line(countId(instance), "PK-2002").decidedBy()).isEqualTo("supervisor");
    }

    @Test
    void supervisorRejectsAVarianceAndNothingIsPosted() {
        int cartons = onHand("PK-2001");
        ProcessInstance instance = upload("sku,counted_quantity\nPK-2001," + (cartons - 7) + "\n");
        runJobs(instance);
        assertThat(instance).isWaitingAt(InventoryReconciliationProcess.USER_TASK_APPROVE);

        completeAs("supervisor", Map.of(Vars.REJECT_LINES, "1", "confirmApproval", true));
        runJobs(instance);

        assertThat(instance).isEnded();
        assertThat(onHand("PK-2001")).isEqualTo(cartons);
        CountLine line = line(countId(instance), "PK-2001");
        assertThat(line.status()).isEqualTo(LineStatus.REJECTED);
        assertThat(line.decidedBy()).isEqualTo("supervisor");
        assertThat(line.postedQuantity()).isNull();
    }

    @Test
    void aClassAArticleFarOffIsCountedAgainByAClerkFirst() {
        int paper = onHand("OF-1001");
        ProcessInstance instance = upload("sku,counted_quantity\nOF-1001,20\n");
        runJobs(instance);

        assertThat(instance).isWaitingAt(InventoryReconciliationProcess.USER_TASK_COUNT_STOCK);
        assertThat(task()).hasCandidateGroup("clerks");
        String countId = countId(instance);
        assertThat(line(countId, "OF-1001").decision()).isEqualTo("RECOUNT");
        assertThat(counts.get(countId).status()).isEqualTo(CountStatus.COUNTING);
        assertThat(onHand("OF-1001")).isEqualTo(paper);
        String entries = (String) processEngine.getRuntimeService().getVariable(instance.getId(), Vars.COUNT_ENTRIES);
        assertThat(entries).isEqualTo("OF-1001 = \n");

        completeAs("clerk", Map.of(Vars.COUNT_ENTRIES, "OF-1001 = " + (paper - 2) + "\n"));
        runJobs(instance);

        assertThat(instance).isEnded();
        CountLine line = line(countId, "OF-1001");
        assertThat(line.recounts()).isEqualTo(1);
        assertThat(line.decision()).isEqualTo("AUTO_ACCEPT");
        assertThat(onHand("OF-1001")).isEqualTo(paper - 2);
    }

    @Test
    void anInvalidAnswerGoesBackAndASupervisorCanHaveALineCountedAgain() {
        int tape = onHand("PK-2010");
        ProcessInstance instance = upload("sku,counted_quantity\nPK-2010," + (tape - 10) + "\n");
        runJobs(instance);

        completeAs("supervisor", Map.of(Vars.REJECT_LINES, "7", "confirmApproval", true));
        runJobs(instance);
        assertThat(instance).isWaitingAt(InventoryReconciliationProcess.USER_TASK_APPROVE);
        assertThat((String) processEngine.getRuntimeService().getVariable(instance.getId(), Vars.APPROVAL_PROBLEMS))
                .contains("Line 7 is not waiting for approval");

        completeAs("supervisor", Map.of(Vars.REJECT_LINES, "", Vars.RECOUNT_LINES, "1", "confirmApproval", true));
        runJobs(instance);
        assertThat(instance).isWaitingAt(InventoryReconciliationProcess.USER_TASK_COUNT_STOCK);

        completeAs("clerk", Map.of(Vars.COUNT_ENTRIES, "PK-2010 = " + (tape - 10)));
        runJobs(instance);
        assertThat(instance).as("still outside tolerance after the recount").isWaitingAt(InventoryReconciliationProcess.USER_TASK_APPROVE);

        completeAs("supervisor", Map.of("confirmApproval", true));
        runJobs(instance);
        assertThat(instance).isEnded();
        assertThat(onHand("PK-2010")).isEqualTo(tape - 10);
        assertThat(line(countId(instance), "PK-2010").recounts()).isEqualTo(1);
    }

    @Test
    void unknownSkusRepeatedLinesAndUnreadableQuantitiesAreReportedNotFatal() {
        int bins = onHand("WH-4020");
        int trucks = onHand("WH-4010");
        ProcessInstance instance = upload("""
                SKU,Counted,Bin
                NOPE-999,5,A1
                WH-4010,abc,A1
                WH-4020,5,A1
                WH-4020,%d,B2
                wh-4020,5,A1
                """.formatted(bins - 5));
        runJobs(instance);

        assertThat(instance).isEnded();
        String countId = countId(instance);
        StockCount count = counts.get(countId);
        assertThat(count.rowsRead()).isEqualTo(5);
        assertThat(count.problemCount()).isEqualTo(3);
        List<CountProblem> problems = counts.problems(countId, 100);
        assertThat(problems).extracting(CountProblem::reason).anySatisfy(r -> assertThat(r).contains("unknown SKU"))
                .anySatisfy(r -> assertThat(r).contains("'abc' is not a number"))
                .anySatisfy(r -> assertThat(r).contains("repeats WH-4020 in bin A1 of row 4"));
        CountLine line = line(countId, "WH-4020");
        assertThat(line.bins()).isEqualTo("A1, B2");
        assertThat(line.countedQuantity()).isEqualTo(bins);
        assertThat(line.variance()).isZero();
        assertThat(onHand("WH-4010")).isEqualTo(trucks);
        assertThat(counts.lines(countId, EnumSet.noneOf(LineStatus.class), 0, 10)).hasSize(1);
    }

    /**
     * The done-when: a small and a large variance and an unknown SKU; the small one is posted by rule,
     * the large one waits for a supervisor; after approval, stock, report and replenishment agree.
     */
    @Test
    void doneWhenStockReportAndReplenishmentAgreeAfterApproval() throws IOException {
        int a3 = onHand("OF-1002");
        int staples = onHand("OF-1031");
        ProcessInstance instance = upload("sku,counted_quantity\nOF-1031," + (staples - 1) + "\nOF-1002,12\nGHOST-1,4\n");
        runJobs(instance);

        String countId = countId(instance);
        assertThat(instance).isWaitingAt(InventoryReconciliationProcess.USER_TASK_APPROVE);
        assertThat(onHand("OF-1031")).isEqualTo(staples - 1);
        assertThat(onHand("OF-1002")).isEqualTo(a3);
        assertThat(counts.problems(countId, 10)).singleElement()
                .satisfies(p -> assertThat(p.sku()).isEqualTo("GHOST-1"));

        completeAs("supervisor", Map.of("confirmApproval", true));
        runJobs(instance);

        assertThat(instance).isWaitingAt(InventoryReconciliationProcess.USER_TASK_ORDER_REPLENISHMENT);
        assertThat(onHand("OF-1002")).isEqualTo(12);
        ReplenishmentSuggestion suggestion = replenishment.openForCount(countId).stream()
                .filter(s -> s.sku().equals("OF-1002")).findFirst().orElseThrow();
        assertThat(suggestion.available()).isEqualTo(12);
        assertThat(suggestion.reorderPoint()).isEqualTo(20);
        assertThat(suggestion.suggestedQuantity()).isEqualTo(60);
        assertThat(replenishment.openForCount(countId)).noneMatch(s -> s.sku().equals("OF-1031"));

        Map<String, Row> report = reportLines(countId);
        assertThat(report.get("OF-1002").getCell(6).getNumericCellValue()).as("book stock").isEqualTo(a3);
        assertThat(report.get("OF-1002").getCell(15).getNumericCellValue()).as("posted").isEqualTo(12 - a3);
        assertThat(report.get("OF-1002").getCell(14).getStringCellValue()).isEqualTo("supervisor");
        assertThat(report.get("OF-1031").getCell(11).getStringCellValue()).isEqualTo("AUTO_ACCEPT");
        assertThat(report.get("OF-1031").getCell(15).getNumericCellValue()).isEqualTo(-1);

        completeAs("supervisor", Map.of(Vars.REPLENISHMENT_ORDERED, true));
        runJobs(instance);
        assertThat(instance).isEnded();
        assertThat(replenishment.list(ReplenishmentSuggestion.ORDERED, 1000, 0))
                .anySatisfy(s -> assertThat(s.sku()).isEqualTo("OF-1002"));
    }

    @Test
    void cycleCountTimerGivesAClerkTheDueSkusClassAFirst() {
        Job timer = processEngine.getManagementService().createJobQuery()
                .processDefinitionKey(InventoryReconciliationProcess.KEY).timers().singleResult();
        assertThat(timer).as("the cycle-count timer is scheduled").isNotNull();
        List<String> before = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(InventoryReconciliationProcess.KEY).list().stream().map(ProcessInstance::getId).toList();
        processEngine.getManagementService().executeJob(timer.getId());
        ProcessInstance started = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(InventoryReconciliationProcess.KEY).list().stream()
                .filter(p -> !before.contains(p.getId())).findFirst().orElseThrow();
        runJobs(started);
        ProcessInstance instance = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(started.getId()).singleResult();

        assertThat(instance).isWaitingAt(InventoryReconciliationProcess.USER_TASK_COUNT_STOCK);
        String countId = countId(instance);
        assertThat(instance.getBusinessKey()).isEqualTo(countId);
        List<CountLine> toCount = counts.lines(countId, EnumSet.of(LineStatus.TO_COUNT), 0, 100);
        assertThat(toCount).hasSizeBetween(1, 20);
        assertThat(toCount.get(0).abcClass()).isEqualTo("A");

        // the clerk finds exactly the book stock of every SKU but leaves the last one empty
        String entries = toCount.subList(0, toCount.size() - 1).stream()
                .map(l -> l.sku() + " = " + onHand(l.sku())).collect(Collectors.joining("\n"));
        completeAs("clerk", Map.of(Vars.COUNT_ENTRIES, entries));
        runJobs(instance);
        Task purchasing = processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        if (purchasing != null) {
            completeAs("supervisor", Map.of(Vars.REPLENISHMENT_ORDERED, false));
            runJobs(instance);
        }

        assertThat(instance).isEnded();
        assertThat(counts.countByStatus(countId)).containsEntry(LineStatus.POSTED, (long) toCount.size() - 1)
                .containsEntry(LineStatus.NOT_COUNTED, 1L);
    }

    // ------------------------------------------------------------------------------------------------

    private ProcessInstance upload(String csv) {
        try {
            Path file = Files.createTempFile("count-", ".csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            ReconciliationStarter.Started started = starter.start(file, "count.csv", LocalDateTime.now(clock), "clerk");
            Files.delete(file);
            return processEngine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceId(started.processInstanceId()).singleResult();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void completeAs(String user, Map<String, Object> variables) {
        // the newest task of this process: other process tests share the engine and may leave theirs open
        Task task = processEngine.getTaskService().createTaskQuery().active()
                .processDefinitionKey(InventoryReconciliationProcess.KEY).orderByTaskCreateTime().asc()
                .orderByTaskId().asc().list().stream()
                .filter(t -> t.getProcessInstanceId() != null).reduce((a, b) -> b).orElseThrow();
        // the demo users' groups: candidate groups grant the task to them
        processEngine.getIdentityService().setAuthentication(user, List.of(user + "s"));
        try {
            processEngine.getTaskService().complete(task.getId(), new HashMap<>(variables));
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    private int onHand(String sku) {
        return inventory.level(sku).onHand();
    }

    private String countId(ProcessInstance instance) {
        return (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(Vars.COUNT_ID).singleResult().getValue();
    }

    private CountLine line(String countId, String sku) {
        return counts.lines(countId, EnumSet.noneOf(LineStatus.class), 0, 1000).stream()
                .filter(l -> l.sku().equals(sku)).findFirst().orElseThrow();
    }

    private Map<String, Row> reportLines(String countId) throws IOException {
        Map<String, Row> rows = new HashMap<>();
        try (InputStream in = Files.newInputStream(reports.reportFile(countId)); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("Lines");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                rows.put(sheet.getRow(r).getCell(1).getStringCellValue(), sheet.getRow(r));
            }
        }
        return rows;
    }
}
