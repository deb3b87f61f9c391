package org.kontor.platform;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the per-BPMN process tests (camunda-bpm-assert on the Spring-managed engine). Async steps are
 * run by {@link #runJobs(ProcessInstance)}, which executes every due job of the instance until none is
 * left, as the job executor would, but deterministically.
 */
@ProcessTest
public abstract class ProcessTestSupport {

    /** Guards against a process that keeps creating jobs (a loop in the model). */
    private static final int MAX_JOBS = 200;

    @Autowired
    protected ProcessEngine processEngine;

    @BeforeEach
    void initAssertions() {
        init(processEngine);
    }

    /** The key of the Camunda Form a user task shows ({@code camunda:formRef}). */
    protected String formRef(org.camunda.bpm.engine.task.Task task) {
        var withForm = processEngine.getTaskService().createTaskQuery().taskId(task.getId()).initializeFormKeys()
                .singleResult();
        return withForm.getCamundaFormRef() == null ? null : withForm.getCamundaFormRef().getKey();
    }

    protected void runJobs(ProcessInstance instance) {
        ManagementService management = processEngine.getManagementService();
        for (int executed = 0; executed < MAX_JOBS; executed++) {
            List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).executable()
                    .withRetriesLeft().listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
        throw new AssertionError("More than " + MAX_JOBS + " jobs for one instance: does the process loop?");
    }

    /**
     * Runs the instance's jobs including their retries, without waiting for retry due dates, until none has
     * retries left: what the job executor does over minutes, for tests of failures that end in incidents.
     */
    protected void runJobsThroughRetries(ProcessInstance instance) {
        ManagementService management = processEngine.getManagementService();
        for (int executed = 0; executed < MAX_JOBS; executed++) {
            List<Job> pending = management.createJobQuery().processInstanceId(instance.getId()).withRetriesLeft()
                    .listPage(0, 1);
            if (pending.isEmpty()) {
                return;
            }
            try {
                management.executeJob(pending.get(0).getId());
            } catch (RuntimeException expectedFailure) {
                // the engine has recorded the failure on the job: retries down, exception message kept
            }
        }
        throw new AssertionError("More than " + MAX_JOBS + " job runs for one instance");
    }
}
