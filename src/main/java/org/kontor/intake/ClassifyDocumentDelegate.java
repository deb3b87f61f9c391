package org.kontor.intake;

import static org.kontor.intake.DocumentIntakeProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.kontor.document.DocumentClassification;
import org.springframework.stereotype.Component;

/** Robot: classify the digitised document; below the confidence threshold a clerk decides. */
@Component("classifyDocumentDelegate")
class ClassifyDocumentDelegate implements JavaDelegate {

    private final DocumentClassification classification;

    ClassifyDocumentDelegate(DocumentClassification classification) {
        this.classification = classification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DocumentClassification.Classified result =
                classification.classify((String) execution.getVariable(Vars.DOCUMENT_ID));
        execution.setVariable(Vars.DOCUMENT_TYPE, result.type().name());
        execution.setVariable(Vars.TYPE_CONFIDENCE, result.confidence());
        execution.setVariable(Vars.MODEL_VERSION, result.modelVersion());
        execution.setVariable(Vars.NEEDS_REVIEW, result.needsReview());
        execution.setVariable(Vars.TOP_GUESSES, result.topGuesses());
    }
}
