package org.kontor.document.retraining;

import java.security.Principal;
import java.util.List;
import org.kontor.document.classify.ClassifierMetadata;
import org.kontor.document.classify.ClassifierModelRegistry;
import org.kontor.document.classify.DocumentClassifier;
import org.kontor.platform.web.BadRequestException;
import org.kontor.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Retraining the document classifier: start a run (admins, integrations), follow its progress, read the model
 * registry.
 */
@RestController
@RequestMapping("/api/classifier")
class ClassifierRetrainingController {

    private static final int MAX_LIMIT = 500;

    private final RetrainingService retraining;
    private final ClassifierModelRegistry registry;
    private final DocumentClassifier classifier;

    ClassifierRetrainingController(RetrainingService retraining, ClassifierModelRegistry registry,
            DocumentClassifier classifier) {
        this.retraining = retraining;
        this.registry = registry;
        this.classifier = classifier;
    }

    /** {@code force}: train even with fewer new clerk labels than {@code kontor.classifier.retraining.min-new-labels}. */
    record Request(Boolean force) {
    }

    record Accepted(String processInstanceId, String retrainingId) {
    }

    record Models(String inService, String inServiceTrainedAt, List<ClassifierModelRegistry.Entry> models) {
    }

    @PostMapping("/retrainings")
    ResponseEntity<Accepted> start(@RequestBody(required = false) Request request, Principal principal) {
        RetrainingService.Started started = retraining.request(principal.getName(),
                request != null && Boolean.TRUE.equals(request.force()));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new Accepted(started.processInstanceId(), started.retrainingId()));
    }

    @GetMapping("/retrainings")
    List<Retraining> list(@RequestParam(defaultValue = "20") int limit, @RequestParam(defaultValue = "0") int offset) {
        checkPage(limit, offset);
        return retraining.list(limit, offset);
    }

    @GetMapping("/retrainings/{processInstanceId}")
    Retraining get(@PathVariable String processInstanceId) {
        return retraining.find(processInstanceId).orElseThrow(() -> new NotFoundException(
                "No classifier retraining with process instance id " + processInstanceId + "."));
    }

    @GetMapping("/models")
    Models models(@RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        checkPage(limit, offset);
        ClassifierMetadata inService = classifier.metadata();
        return new Models(inService.version(), inService.trainedAt(), registry.list(limit, offset));
    }

    private static void checkPage(int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw new BadRequestException("limit must be within 1.." + MAX_LIMIT + " and offset not negative (were "
                    + limit + ", " + offset + ").");
        }
    }
}
