package org.kontor.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskAnswersTest {

    @Test
    void numbersComeAsNumbersOrAsText() {
        assertThat(TaskAnswers.integer(45L)).isEqualTo(45);
        assertThat(TaskAnswers.integer(45.7)).isEqualTo(45);
        assertThat(TaskAnswers.integer(" 45 ")).isEqualTo(45);
        assertThat(TaskAnswers.integer("45.0")).isEqualTo(45);
    }

    @Test
    void whatIsNoNumberIsNone() {
        assertThat(TaskAnswers.integer(null)).isNull();
        assertThat(TaskAnswers.integer("  ")).isNull();
        assertThat(TaskAnswers.integer("soon")).isNull();
        assertThat(TaskAnswers.text(42)).isEqualTo("42");
        assertThat(TaskAnswers.text(" ")).isNull();
    }
}
