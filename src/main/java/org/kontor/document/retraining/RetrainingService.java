package org.kontor.document.retraining;

import static org.kontor.document.retraining.ClassifierRetrainingProcess.Vars;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.kontor.document.DocumentType;
import org.kontor.document.classify.ClassifierEvaluation;
import org.kontor.document.classify.ClassifierModel;
import org.kontor.document.classify.ClassifierModelRegistry;
import org.kontor.document.classify.ClassifierTrainer;
import org.kontor.document.classify.ClassifierTrainer.Example;
import org.kontor.document.classify.DocumentClassifier;
import org.kontor.document.corpus.CorpusGenerator;
import org.kontor.document.corpus.CorpusSplit;
import org.kontor.document.corpus.GeneratedDocument;
import org.kontor.document.corpus.OcrNoiseSimulator;
import org.kontor.document.retraining.ClassifierRetrainingProcess.TrainingOutcome;
import org.kontor.document.retraining.Retraining.Phase;
import org.kontor.document.retraining.Retraining.Status;
import org.kontor.platform.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The steps of a classifier retraining: collect the clerks' labels, train a candidate on the generated base
 * corpus plus those examples, evaluate candidate and incumbent on the same frozen held-out set, promote (hot swap)
 * or reject.
 *
 * <p>Training takes minutes, longer than Camunda's job lock (5 minutes by default) and far too long to hold a job's
 * database transaction open. So the training step only hands the work to a training thread of its own, after its
 * transaction has committed, and the process waits at a message catch event; the thread correlates
 * {@value ClassifierRetrainingProcess#MESSAGE_CANDIDATE_TRAINED} when it is done. No job is locked meanwhile, so
 * the job executor's lock time stays what it is for every other job (raising it globally would make a crashed
 * node's jobs wait that long too). If the node dies during training, the boundary timer on the wait
 * ({@code kontor.classifier.retraining.training-timeout}) records the run as failed.
 */
@Service
public class RetrainingService {

    private static final Logger log = LoggerFactory.getLogger(RetrainingService.class);
    /** Text source of the base corpus: the one the shipped model was trained with (full simulated OCR noise). */
    private static final double NOISE_LEVEL = 1.0;
    private static final long TRAINING_NOISE_SALT = 1;

    private final RetrainingRepository runs;
    private final LabelledExamples examples;
    private final ClassifierModelRegistry registry;
    private final DocumentClassifier classifier;
    private final RetrainingProperties properties;
    private final RuntimeService runtime;
    private final ThreadPoolExecutor trainingThread;
    private volatile Generated generatedHeldOut;

    RetrainingService(RetrainingRepository runs, LabelledExamples examples, ClassifierModelRegistry registry,
            DocumentClassifier classifier, RetrainingProperties properties, RuntimeService runtime) {
        this.runs = runs;
        this.examples = examples;
        this.registry = registry;
        this.classifier = classifier;
        this.properties = properties;
        this.runtime = runtime;
        // one training at a time per node (the running slot makes it one per cluster); it takes both cores anyway
        this.trainingThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(4),
                runnable -> {
                    Thread thread = new Thread(runnable, "classifier-training");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    public record Started(String retrainingId, String processInstanceId) {
    }

    public record Collected(String retrainingId, int newLabels, int examplesUsed, boolean enoughToLearn) {
    }

    public record Evaluation(double candidateAccuracy, String incumbentVersion, double incumbentAccuracy,
            boolean notWorse) {
    }

    /** REST: starts a run unless one is active (409). */
    @Transactional
    public Started request(String user, boolean force) {
        runs.running().ifPresent(this::refuse);
        String retrainingId = UUID.randomUUID().toString();
        try {
            runs.insertRunning(retrainingId, null, user, force);
        } catch (DuplicateKeyException e) {
            runs.running().ifPresent(this::refuse);
            throw new ConflictException("A classifier retraining has just been started; wait until it is done.");
        }
        String instanceId = runtime.createMessageCorrelation(ClassifierRetrainingProcess.MESSAGE_RETRAINING_REQUESTED)
                .processInstanceBusinessKey(retrainingId)
                .setVariables(Variables.createVariables().putValue(Vars.RETRAINING_ID, retrainingId)
                        .putValue(Vars.FORCE, force))
                .correlateStartMessage().getId();
        runs.setProcessInstance(retrainingId, instanceId);
        log.info("Retraining {}: requested by {}{}, instance {}", retrainingId, user, force ? " (forced)" : "", instanceId);
        return new Started(retrainingId, instanceId);
    }

    private void refuse(Retraining active) {
        throw new ConflictException("A classifier retraining is already running (process instance "
                + active.processInstanceId() + ", " + active.phase().name().toLowerCase(Locale.ROOT)
                + "); wait until it is done, see GET /api/classifier/retrainings/" + active.processInstanceId() + ".");
    }

    public Optional<Retraining> find(String processInstanceId) {
        return runs.findByProcessInstance(processInstanceId);
    }

    public List<Retraining> list(int limit, int offset) {
        return runs.list(limit, offset);
    }

    /**
     * Counts the clerk labels since the last promotion and the examples a candidate would learn from. A run started
     * by the timer registers itself here, or ends at once when another run is active.
     */
    @Transactional
    public Collected collect(String processInstanceId, String retrainingId, boolean force) {
        Optional<Retraining> mine = runs.findByProcessInstance(processInstanceId);
        String id = mine.map(Retraining::retrainingId).orElse(retrainingId);
        if (mine.isEmpty()) {
            id = UUID.randomUUID().toString();
            Optional<Retraining> other = runs.running();
            if (other.isPresent()) {
                String reason = "Another retraining is running (process instance " + other.get().processInstanceId() + ").";
                runs.insertSkipped(id, processInstanceId, "timer", reason);
                log.info("Retraining {}: skipped, {}", id, reason);
                return new Collected(id, 0, 0, false);
            }
            runs.insertRunning(id, processInstanceId, "timer", false);
        }
        runs.phase(id, Phase.COLLECTING, "counting clerk labels");
        LocalDateTime since = registry.lastPromotedAt().orElse(null);
        int newLabels = examples.countSince(since);
        int usable = examples.labelled(false, properties.heldOutLabelledPercent(), properties.maxExamples()).size();
        boolean enough = force || newLabels >= properties.minNewLabels();
        runs.collected(id, newLabels, usable);
        if (!enough) {
            String reason = String.format(Locale.ROOT, "Nothing to learn: %d new clerk labels since %s, %d needed "
                    + "(kontor.classifier.retraining.min-new-labels).", newLabels,
                    since == null ? "the start" : "the last promotion (" + since + ")", properties.minNewLabels());
            runs.finish(id, Status.NOTHING_TO_LEARN, reason);
            log.info("Retraining {}: {}", id, reason);
        } else {
            log.info("Retraining {}: {} new clerk labels, {} examples to learn from{}", id, newLabels, usable,
                    force ? " (forced)" : "");
        }
        return new Collected(id, newLabels, usable, enough);
    }

    /** Hands the training to the training thread once this transaction has committed (see the class comment). */
    public void startTraining(String retrainingId, String processInstanceId) {
        runs.phase(retrainingId, Phase.TRAINING, "waiting for the training thread");
        Runnable submit = () -> trainingThread.execute(() -> train(retrainingId, processInstanceId));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    submit.run();
                }
            });
        } else {
            submit.run();
        }
    }

    private void train(String retrainingId, String processInstanceId) {
        String version = null;
        try {
            List<Example> stored = examples.withText(
                    examples.labelled(false, properties.heldOutLabelledPercent(), properties.maxExamples()));
            ClassifierTrainer.Settings d = ClassifierTrainer.Settings.defaults();
            ClassifierTrainer.Settings settings = new ClassifierTrainer.Settings(properties.baseDocuments(),
                    properties.validationDocuments(), properties.heldOutDocuments(), d.seed(), properties.heldOutSeed(),
                    d.hidden(), d.inputDropout(), d.dropout(), d.learningRate(), d.batchSize(), properties.maxEpochs(),
                    properties.patience(), d.labelSmoothing(), d.titleMaskShare());
            runs.epoch(retrainingId, 0, properties.maxEpochs(), String.format(Locale.ROOT,
                    "generating %d + %d documents, %d stored examples x %d", properties.baseDocuments(),
                    properties.validationDocuments(), stored.size(), properties.exampleCopies()));
            ClassifierTrainer trainer = new ClassifierTrainer(settings, new OcrNoiseSimulator(NOISE_LEVEL,
                    TRAINING_NOISE_SALT), classifier.confidenceThreshold(), line -> { })
                    .onEpoch((epoch, max, accuracy) -> {
                        String progress = String.format(Locale.ROOT, "epoch %d/%d: validation accuracy %.2f%%", epoch,
                                max, 100 * accuracy);
                        runs.epoch(retrainingId, epoch, max, progress);
                        log.info("Retraining {}: {}", retrainingId, progress);
                    });
            if (!stored.isEmpty()) {
                trainer = trainer.withExamples(stored, properties.exampleCopies());
            }
            ClassifierTrainer.Result result = trainer.train();
            try (ClassifierModel model = result.model()) {
                version = model.version();
                model.save(registry.modelDir(version));
            }
            registry.addCandidate(version, properties.baseDocuments(), stored.size(), result.epochs(), result.seconds(),
                    processInstanceId);
            runs.candidate(retrainingId, version);
            log.info("Retraining {}: candidate {} trained in {} s ({} epochs)", retrainingId, version,
                    Math.round(result.seconds()), result.epochs());
            report(retrainingId, processInstanceId, TrainingOutcome.TRAINED, version, null);
        } catch (Exception | LinkageError e) {
            log.error("Retraining {}: training failed", retrainingId, e);
            report(retrainingId, processInstanceId, TrainingOutcome.FAILED, version,
                    "Training failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void report(String retrainingId, String processInstanceId, TrainingOutcome outcome, String version,
            String error) {
        for (int attempt = 1; ; attempt++) {
            try {
                runtime.createMessageCorrelation(ClassifierRetrainingProcess.MESSAGE_CANDIDATE_TRAINED)
                        .processInstanceId(processInstanceId)
                        .setVariable(Vars.TRAINING_OUTCOME, outcome.name())
                        .setVariable(Vars.CANDIDATE_VERSION, version)
                        .setVariable(Vars.TRAINING_ERROR, error)
                        .correlateWithResult();
                return;
            } catch (MismatchingMessageCorrelationException e) {
                log.warn("Retraining {}: instance {} no longer waits for its training (timed out or cancelled); "
                        + "candidate {} is not used", retrainingId, processInstanceId, version);
                if (version != null) {
                    registry.decide(version, ClassifierModelRegistry.Status.REJECTED,
                            "The run ended before its training finished.");
                }
                return;
            } catch (OptimisticLockingException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    /** The timer fired before the training reported back, or the training failed. */
    @Transactional
    public void recordTrainingFailure(String retrainingId, String error) {
        String reason = error != null ? error
                : "No result from the training within " + properties.trainingTimeout()
                        + " (kontor.classifier.retraining.training-timeout); did the node restart?";
        runs.finish(retrainingId, Status.FAILED, reason);
        log.warn("Retraining {}: {}", retrainingId, reason);
    }

    /** Candidate and incumbent on the same frozen held-out set; "not worse" means at least as many right answers. */
    @Transactional
    public Evaluation evaluate(String retrainingId, String candidateVersion) {
        long started = System.nanoTime();
        runs.phase(retrainingId, Phase.EVALUATING, "evaluating candidate and incumbent on the frozen held-out set");
        Generated generated = generatedHeldOut();
        List<LabelledExamples.Labelled> heldOutLabels = examples.labelled(true, properties.heldOutLabelledPercent(),
                properties.maxExamples());
        List<String> texts = new ArrayList<>(generated.texts());
        List<DocumentType> truth = new ArrayList<>(generated.truth());
        for (Example e : examples.withText(heldOutLabels)) {
            texts.add(e.text());
            truth.add(e.type());
        }
        double threshold = classifier.confidenceThreshold();
        ClassifierEvaluation candidate;
        try (ClassifierModel model = ClassifierModel.load(registry.modelDir(candidateVersion))) {
            candidate = ClassifierEvaluation.of(truth, model.classify(texts, threshold));
        } catch (IOException e) {
            throw new UncheckedIOException("Candidate " + candidateVersion + " cannot be loaded from "
                    + registry.modelDir(candidateVersion) + ": " + e.getMessage(), e);
        }
        record Incumbent(String version, ClassifierEvaluation evaluation) {
        }
        Incumbent incumbent = classifier.withModel(model -> new Incumbent(model.version(),
                ClassifierEvaluation.of(truth, model.classify(texts, threshold))));
        boolean notWorse = candidate.correct() >= incumbent.evaluation().correct();
        double seconds = (System.nanoTime() - started) / 1e9;
        registry.recordEvaluation(candidateVersion, candidate.accuracy(), incumbent.version(),
                incumbent.evaluation().accuracy(), texts.size(), heldOutLabels.size(), seconds);
        runs.evaluated(retrainingId, candidate.accuracy(), incumbent.version(), incumbent.evaluation().accuracy(),
                texts.size());
        log.info("Retraining {}: candidate {} {}; incumbent {} {} ({} generated + {} clerk-labelled documents){}",
                retrainingId, candidateVersion, candidate.summary(), incumbent.version(), incumbent.evaluation().summary(),
                generated.texts().size(), heldOutLabels.size(), notWorse ? "" : ": candidate is worse");
        return new Evaluation(candidate.accuracy(), incumbent.version(), incumbent.evaluation().accuracy(), notWorse);
    }

    /**
     * Records the promotion and swaps the candidate in once that is committed. Loading happens first, inside the
     * job, so a candidate that cannot be loaded fails the step (and is retried) instead of being recorded as promoted.
     */
    @Transactional
    public void promote(String retrainingId, String candidateVersion, Evaluation evaluation) {
        String reason = decision("not worse than", candidateVersion, evaluation);
        registry.decide(candidateVersion, ClassifierModelRegistry.Status.PROMOTED, reason);
        runs.finish(retrainingId, Status.PROMOTED, reason);
        if (candidateVersion.equals(classifier.modelVersion())) {
            return; // a retry after the swap
        }
        Path dir = registry.modelDir(candidateVersion);
        ClassifierModel model;
        try {
            model = ClassifierModel.load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Candidate " + candidateVersion + " cannot be loaded from " + dir + ": "
                    + e.getMessage(), e);
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            classifier.swap(model);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    classifier.swap(model);
                    log.info("Retraining {}: {}", retrainingId, reason);
                } else {
                    model.close();
                }
            }
        });
    }

    /** Keeps the incumbent; the candidate's files stay for audit. */
    @Transactional
    public void reject(String retrainingId, String candidateVersion, Evaluation evaluation) {
        String reason = decision("worse than", candidateVersion, evaluation);
        registry.decide(candidateVersion, ClassifierModelRegistry.Status.REJECTED, reason);
        runs.finish(retrainingId, Status.REJECTED, reason);
        log.info("Retraining {}: {}", retrainingId, reason);
    }

    private static String decision(String comparison, String candidateVersion, Evaluation e) {
        return String.format(Locale.ROOT, "Candidate %s (%.2f%%) is %s incumbent %s (%.2f%%) on the frozen held-out set: %s.",
                candidateVersion, 100 * e.candidateAccuracy(), comparison, e.incumbentVersion(),
                100 * e.incumbentAccuracy(), e.notWorse() ? "promoted" : "rejected, the incumbent stays");
    }

    /** The process ended; if it did not decide (cancelled), free the slot. */
    public void ended(String processInstanceId) {
        runs.endIfRunning(processInstanceId, "The process instance ended without a decision (cancelled?).");
    }

    /** The generated part of the frozen held-out set: fixed seed, size and noise, so it is built once per node. */
    private Generated generatedHeldOut() {
        Generated g = generatedHeldOut;
        if (g == null) {
            OcrNoiseSimulator noise = new OcrNoiseSimulator(NOISE_LEVEL, properties.heldOutNoiseSalt());
            List<GeneratedDocument> docs = new CorpusGenerator(properties.heldOutSeed())
                    .generate(CorpusSplit.HELD_OUT, properties.heldOutDocuments());
            g = new Generated(docs.stream().map(noise).toList(), docs.stream().map(GeneratedDocument::type).toList());
            generatedHeldOut = g;
        }
        return g;
    }

    private record Generated(List<String> texts, List<DocumentType> truth) {
    }

    @PreDestroy
    void stop() {
        trainingThread.shutdownNow();
    }
}
