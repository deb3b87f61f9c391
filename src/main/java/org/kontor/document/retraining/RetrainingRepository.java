package org.kontor.document.retraining;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.kontor.document.retraining.Retraining.Phase;
import org.kontor.document.retraining.Retraining.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code classifier_retraining}. Progress updates from the training thread run outside any transaction, so
 * GET sees them at once.
 */
@Repository
class RetrainingRepository {

    private static final String COLUMNS = "retraining_id, process_instance_id, status, phase, started_by, forced, "
            + "new_labels, examples_used, epoch, max_epochs, progress, candidate_version, candidate_accuracy, "
            + "incumbent_version, incumbent_accuracy, evaluation_documents, decision_reason, started_at, updated_at, "
            + "finished_at";
    /** Value of running_slot while a run is active; unique, so a second active run cannot be inserted. */
    private static final int RUNNING = 1;

    private final JdbcClient jdbc;
    private final Clock clock;

    RetrainingRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when another run is active */
    void insertRunning(String retrainingId, String processInstanceId, String startedBy, boolean forced) {
        insert(retrainingId, processInstanceId, RUNNING, Status.RUNNING, Phase.QUEUED, startedBy, forced, null);
    }

    /** A run that never trained (another was active when its timer fired). */
    void insertSkipped(String retrainingId, String processInstanceId, String startedBy, String reason) {
        insert(retrainingId, processInstanceId, null, Status.NOTHING_TO_LEARN, Phase.DONE, startedBy, false, reason);
        jdbc.sql("UPDATE classifier_retraining SET finished_at = updated_at WHERE retraining_id = :id")
                .param("id", retrainingId).update();
    }

    private void insert(String retrainingId, String processInstanceId, Integer slot, Status status, Phase phase,
            String startedBy, boolean forced, String reason) {
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("INSERT INTO classifier_retraining (retraining_id, process_instance_id, running_slot, status, phase, "
                        + "started_by, forced, decision_reason, started_at, updated_at) VALUES (:id, :instance, :slot, "
                        + ":status, :phase, :by, :forced, :reason, :now, :now)")
                .param("id", retrainingId).param("instance", processInstanceId).param("slot", slot)
                .param("status", status.name()).param("phase", phase.name()).param("by", startedBy)
                .param("forced", forced).param("reason", reason).param("now", now).update();
    }

    void setProcessInstance(String retrainingId, String processInstanceId) {
        jdbc.sql("UPDATE classifier_retraining SET process_instance_id = :instance WHERE retraining_id = :id")
                .param("instance", processInstanceId).param("id", retrainingId).update();
    }

    Optional<Retraining> find(String retrainingId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM classifier_retraining WHERE retraining_id = :id")
                .param("id", retrainingId).query(Retraining.class).optional();
    }

    Optional<Retraining> findByProcessInstance(String processInstanceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM classifier_retraining WHERE process_instance_id = :instance")
                .param("instance", processInstanceId).query(Retraining.class).optional();
    }

    Optional<Retraining> running() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM classifier_retraining WHERE running_slot = :slot")
                .param("slot", RUNNING).query(Retraining.class).optional();
    }

    /** Newest first. */
    List<Retraining> list(int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM classifier_retraining ORDER BY started_at DESC LIMIT :limit "
                        + "OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(Retraining.class).list();
    }

    void phase(String retrainingId, Phase phase, String progress) {
        jdbc.sql("UPDATE classifier_retraining SET phase = :phase, progress = :progress, updated_at = :now "
                        + "WHERE retraining_id = :id")
                .param("phase", phase.name()).param("progress", progress).param("now", LocalDateTime.now(clock))
                .param("id", retrainingId).update();
    }

    void collected(String retrainingId, int newLabels, int examplesUsed) {
        jdbc.sql("UPDATE classifier_retraining SET new_labels = :labels, examples_used = :examples, updated_at = :now "
                        + "WHERE retraining_id = :id")
                .param("labels", newLabels).param("examples", examplesUsed).param("now", LocalDateTime.now(clock))
                .param("id", retrainingId).update();
    }

    void epoch(String retrainingId, int epoch, int maxEpochs, String progress) {
        jdbc.sql("UPDATE classifier_retraining SET epoch = :epoch, max_epochs = :max, progress = :progress, "
                        + "updated_at = :now WHERE retraining_id = :id")
                .param("epoch", epoch).param("max", maxEpochs).param("progress", progress)
                .param("now", LocalDateTime.now(clock)).param("id", retrainingId).update();
    }

    void candidate(String retrainingId, String version) {
        jdbc.sql("UPDATE classifier_retraining SET candidate_version = :version, updated_at = :now WHERE retraining_id = :id")
                .param("version", version).param("now", LocalDateTime.now(clock)).param("id", retrainingId).update();
    }

    void evaluated(String retrainingId, double candidateAccuracy, String incumbentVersion, double incumbentAccuracy,
            int documents) {
        jdbc.sql("UPDATE classifier_retraining SET candidate_accuracy = :candidate, incumbent_version = :incumbent, "
                        + "incumbent_accuracy = :incumbentAccuracy, evaluation_documents = :documents, updated_at = :now "
                        + "WHERE retraining_id = :id")
                .param("candidate", candidateAccuracy).param("incumbent", incumbentVersion)
                .param("incumbentAccuracy", incumbentAccuracy).param("documents", documents)
                .param("now", LocalDateTime.now(clock)).param("id", retrainingId).update();
    }

    /** Ends the run with its decision and frees the slot for the next one. */
    void finish(String retrainingId, Status status, String reason) {
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("UPDATE classifier_retraining SET status = :status, phase = :phase, decision_reason = :reason, "
                        + "running_slot = NULL, updated_at = :now, finished_at = :now WHERE retraining_id = :id")
                .param("status", status.name()).param("phase", Phase.DONE.name()).param("reason", reason)
                .param("now", now).param("id", retrainingId).update();
    }

    /** The process ended without deciding (cancelled in Cockpit): free the slot, record that. */
    void endIfRunning(String processInstanceId, String reason) {
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("UPDATE classifier_retraining SET status = :cancelled, phase = :phase, decision_reason = :reason, "
                        + "running_slot = NULL, updated_at = :now, finished_at = :now "
                        + "WHERE process_instance_id = :instance AND status = :running")
                .param("cancelled", Status.CANCELLED.name()).param("phase", Phase.DONE.name()).param("reason", reason)
                .param("now", now).param("instance", processInstanceId).param("running", Status.RUNNING.name())
                .update();
    }
}
