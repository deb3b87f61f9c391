package org.kontor.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.KontorApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Outside the demo profile Kontor refuses to start while any user still has the demo password.
 * Runs in a JVM of its own (surefire execution "isolated"): the Camunda webapp keeps static state that a
 * context failing on purpose would leave behind for other tests. The failing start comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoPasswordGuardIsolatedTest {

    @TempDir
    static Path dataDir;

    @Test
    @Order(1)
    void productionProfileStartsWithAConfiguredAdminAndNoDemoUsers() {
        try (ConfigurableApplicationContext prod = start(dataDir.resolve("fresh"), "prod",
                "--kontor.security.initial-admin-password=s3cret-Admin")) {
            IdentityService identity = prod.getBean(IdentityService.class);
            assertThat(identity.checkPassword("admin", "s3cret-Admin")).isTrue();
            assertThat(identity.createUserQuery().userId("clerk").count()).isZero();
        }
    }

    @Test
    @Order(2)
    void productionProfileRefusesADatabaseWithDemoUsers() {
        Path demoData = dataDir.resolve("demo");
        try (ConfigurableApplicationContext demo = start(demoData, "demo")) {
            assertThat(demo.getBean(IdentityService.class).checkPassword("clerk", "demo")).isTrue();
        }
        assertThatThrownBy(() -> start(demoData, "prod").close())
                .hasStackTraceContaining("still have the demo password");
    }

    private static ConfigurableApplicationContext start(Path data, String profile, String... extraArgs) {
        String[] args = new String[extraArgs.length + 4];
        args[0] = "--kontor.data-dir=" + data;
        args[1] = "--server.port=0";
        args[2] = "--camunda.bpm.job-execution.enabled=false";
        args[3] = "--spring.main.banner-mode=off";
        System.arraycopy(extraArgs, 0, args, 4, extraArgs.length);
        return new SpringApplicationBuilder(KontorApplication.class).profiles(profile).run(args);
    }
}
