package org.kontor.document.retraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.document.classify.ClassifierMetadata;
import org.kontor.document.classify.ClassifierModelRegistry;
import org.kontor.document.classify.DocumentClassifier;
import org.kontor.document.classify.TestModels;
import org.kontor.document.retraining.ClassifierRetrainingProcess.Vars;
import org.kontor.document.retraining.Retraining.Status;
import org.kontor.platform.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One test per path of {@code classifier-retraining.bpmn}. Training sizes are tiny (see {@code @ProcessTest}), so
 * a candidate trains in seconds and is much worse than the shipped model but better than an untrained one.
 */
class ClassifierRetrainingProcessTest extends ProcessTestSupport {

    @Autowired
    RetrainingService retraining;
    @Autowired
    DocumentClassifier classifier;
    @Autowired
    ClassifierModelRegistry registry;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void putTheShippedModelBack() throws Exception {
        // the context is shared with other process tests: they expect the shipped model
        ClassifierMetadata shipped = ClassifierMetadata.read(
                DocumentClassifier.class.getClassLoader().getResourceAsStream(DocumentClassifier.SHIPPED_MODEL + "/"
                        + ClassifierMetadata.FILE_NAME));
        if (!classifier.modelVersion().equals(shipped.version())) {
            classifier.swap(TestModels.shipped());
        }
    }

    @Test
    void withoutEnoughNewLabelsThereIsNothingToLearn() {
        markPromotionNow();
        LabelledDocuments.insert(jdbc, 1, 11); // one new label; the test threshold is 3

        ProcessInstance instance = start(false);
        runJobs(instance);

        assertThat(instance).isEnded().hasPassed(ClassifierRetrainingProcess.END_NOTHING_TO_LEARN)
                .hasNotPassed(ClassifierRetrainingProcess.TASK_TRAIN_CANDIDATE);
        Retraining run = retraining.find(instance.getId()).orElseThrow();
        assertThat(run.status()).isEqualTo(Status.NOTHING_TO_LEARN);
        assertThat(run.newLabels()).isEqualTo(1);
        assertThat(run.decisionReason()).contains("1 new clerk labels", "3 needed");
        assertThat(retraining.request("admin", false).processInstanceId()).as("the slot is free again").isNotBlank();
        runJobs(processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ClassifierRetrainingProcess.KEY).singleResult());
    }

    @Test
    void aCandidateNotWorseThanTheIncumbentIsPromotedAndServes() throws Exception {
        classifier.swap(TestModels.untrained("untrained-incumbent"));
        markPromotionNow();
        LabelledDocuments.insert(jdbc, 6, 12);

        ProcessInstance instance = start(false);
        runJobs(instance);
        awaitTraining(instance);
        runJobs(instance);

        assertThat(instance).isEnded().hasPassedInOrder(ClassifierRetrainingProcess.TASK_COLLECT_EXAMPLES,
                ClassifierRetrainingProcess.TASK_TRAIN_CANDIDATE, ClassifierRetrainingProcess.TASK_WAIT_FOR_CANDIDATE,
                ClassifierRetrainingProcess.TASK_EVALUATE, ClassifierRetrainingProcess.TASK_PROMOTE,
                ClassifierRetrainingProcess.END_PROMOTED);
        Retraining run = retraining.find(instance.getId()).orElseThrow();
        assertThat(run.status()).as(run.decisionReason()).isEqualTo(Status.PROMOTED);
        assertThat(run.newLabels()).isEqualTo(6);
        assertThat(run.examplesUsed()).isPositive();
        assertThat(run.epoch()).isPositive().isLessThanOrEqualTo(run.maxEpochs());
        assertThat(run.incumbentVersion()).isEqualTo("untrained-incumbent");
        assertThat(run.candidateAccuracy()).isGreaterThanOrEqualTo(run.incumbentAccuracy());
        assertThat(run.evaluationDocuments()).isGreaterThanOrEqualTo(60);
        assertThat(classifier.modelVersion()).isEqualTo(run.candidateVersion());
        assertThat(classifier.classify("INVOICE Invoice number INV-1 Amount due 10.00 EUR").modelVersion())
                .isEqualTo(run.candidateVersion());
        ClassifierModelRegistry.Entry entry = registry.find(run.candidateVersion()).orElseThrow();
        assertThat(entry.status()).isEqualTo(ClassifierModelRegistry.Status.PROMOTED);
        assertThat(entry.promotedAt()).isNotNull();
        assertThat(entry.processInstanceId()).isEqualTo(instance.getId());
        assertThat(registry.latestPromotedModelDir()).hasValue(registry.modelDir(run.candidateVersion()));
    }

    @Test
    void aCandidateWorseThanTheIncumbentIsRejectedAndKeptForAudit() {
        String incumbent = classifier.modelVersion();

        ProcessInstance instance = start(true); // forced: no new labels needed
        runJobs(instance);
        awaitTraining(instance);
        runJobs(instance);

        assertThat(instance).isEnded().hasPassed(ClassifierRetrainingProcess.TASK_EVALUATE,
                ClassifierRetrainingProcess.TASK_REJECT, ClassifierRetrainingProcess.END_REJECTED)
                .hasNotPassed(ClassifierRetrainingProcess.TASK_PROMOTE);
        Retraining run = retraining.find(instance.getId()).orElseThrow();
        assertThat(run.status()).isEqualTo(Status.REJECTED);
        assertThat(run.candidateAccuracy()).isLessThan(run.incumbentAccuracy());
        assertThat(run.decisionReason()).contains("worse than", incumbent, "rejected");
        assertThat(classifier.modelVersion()).isEqualTo(incumbent);
        ClassifierModelRegistry.Entry entry = registry.find(run.candidateVersion()).orElseThrow();
        assertThat(entry.status()).isEqualTo(ClassifierModelRegistry.Status.REJECTED);
        assertThat(entry.incumbentAccuracy()).isGreaterThan(entry.candidateAccuracy());
        assertThat(Files.exists(registry.modelDir(run.candidateVersion()).resolve(ClassifierMetadata.FILE_NAME))).isTrue();
    }

    @Test
    void theTimerStartsRunsOnTheConfiguredCycleAndTheyRegisterThemselves() {
        markPromotionNow();
        var timer = processEngine.getManagementService().createJobQuery().timers()
                .processDefinitionKey(ClassifierRetrainingProcess.KEY).activityId(ClassifierRetrainingProcess.START_SCHEDULED)
                .singleResult();
        // kontor.classifier.retraining.cycle defaults to "0 0 3 ? * SUN"
        var due = timer.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault());
        assertThat(due.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SUNDAY);
        assertThat(due.getHour()).isEqualTo(3);

        processEngine.getManagementService().executeJob(timer.getId());
        ProcessInstance instance = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ClassifierRetrainingProcess.KEY).active().singleResult();
        runJobs(instance);

        assertThat(instance).isEnded().hasPassed(ClassifierRetrainingProcess.START_SCHEDULED,
                ClassifierRetrainingProcess.END_NOTHING_TO_LEARN);
        Retraining run = retraining.find(instance.getId()).orElseThrow();
        assertThat(run.startedBy()).isEqualTo("timer");
        assertThat(run.status()).isEqualTo(Status.NOTHING_TO_LEARN);
        assertThat(processEngine.getManagementService().createJobQuery().timers()
                .processDefinitionKey(ClassifierRetrainingProcess.KEY).count()).as("the next run is scheduled").isEqualTo(1);
    }

    private ProcessInstance start(boolean force) {
        String id = retraining.request("admin", force).processInstanceId();
        ProcessInstance instance = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id)
                .singleResult();
        assertThat(instance).isStarted().hasVariables(Vars.RETRAINING_ID);
        return instance;
    }

    /** The training runs on its own thread and moves the instance on when it is done. */
    private void awaitTraining(ProcessInstance instance) {
        assertThat(instance).isWaitingAt(ClassifierRetrainingProcess.TASK_WAIT_FOR_CANDIDATE);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                processEngine.getRuntimeService().createExecutionQuery().processInstanceId(instance.getId())
                        .activityId(ClassifierRetrainingProcess.TASK_WAIT_FOR_CANDIDATE).count() == 0);
    }

    /** Labels older than this do not count as new. */
    private void markPromotionNow() {
        String version = "clf-test-" + System.nanoTime();
        registry.addCandidate(version, 0, 0, 0, 0, null);
        registry.decide(version, ClassifierModelRegistry.Status.PROMOTED, "test: labels before now are not new");
        assertThat(registry.lastPromotedAt()).isPresent();
        try {
            Thread.sleep(5); // labels stored from now on are later than the promotion, also at millisecond resolution
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
