package org.kontor.document.retraining;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The held-out side of a clerk-labelled document is fixed by its id: same answer in every run, about the share asked. */
class LabelledExamplesTest {

    @Test
    void heldOutShareIsDeterministicAndAboutThePercentage() {
        var ids = IntStream.range(0, 4000).mapToObj(i -> UUID.nameUUIDFromBytes(("doc-" + i).getBytes()).toString())
                .toList();
        long heldOut = ids.stream().filter(id -> LabelledExamples.isHeldOut(id, 20)).count();
        assertThat(heldOut).isBetween(700L, 900L);
        assertThat(ids).allSatisfy(id -> assertThat(LabelledExamples.isHeldOut(id, 20))
                .isEqualTo(LabelledExamples.isHeldOut(id, 20)));
        assertThat(ids).noneMatch(id -> LabelledExamples.isHeldOut(id, 0));
        assertThat(ids).allMatch(id -> LabelledExamples.isHeldOut(id, 100));
        // a larger share only adds documents: what was held out stays held out
        assertThat(ids.stream().filter(id -> LabelledExamples.isHeldOut(id, 20)))
                .allMatch(id -> LabelledExamples.isHeldOut(id, 30));
    }
}
