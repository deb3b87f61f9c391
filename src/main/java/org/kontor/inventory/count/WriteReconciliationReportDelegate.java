package org.kontor.inventory.count;

import static org.kontor.inventory.count.InventoryReconciliationProcess.Vars;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes the reconciliation report and attaches it to the instance: the variable {@code reportUrl} (shown
 * in Cockpit) and a URL attachment of the process instance, both pointing at
 * {@code GET /api/inventory/counts/{id}/report}. The file itself stays in the report store, not in the engine's
 * byte-array table.
 */
@Component("writeReconciliationReportDelegate")
class WriteReconciliationReportDelegate implements JavaDelegate {

    static final String ATTACHMENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ReconciliationReportWriter reports;
    private final TaskService tasks;

    WriteReconciliationReportDelegate(ReconciliationReportWriter reports, TaskService tasks) {
        this.reports = reports;
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String countId = (String) execution.getVariable(Vars.COUNT_ID);
        reports.write(countId);
        String url = "/api/inventory/counts/" + countId + "/report";
        execution.setVariable(Vars.REPORT_URL, url);
        boolean attached = tasks.getProcessInstanceAttachments(execution.getProcessInstanceId()).stream()
                .anyMatch(a -> url.equals(a.getUrl()));
        if (!attached) {
            tasks.createAttachment(ATTACHMENT_TYPE, null, execution.getProcessInstanceId(),
                    "reconciliation-" + countId + ".xlsx", "Reconciliation report of stock count " + countId, url);
        }
    }
}
