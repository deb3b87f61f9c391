package org.kontor.platform.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.kontor.platform.security.KontorGroups;
import org.springframework.stereotype.Component;

/** Engine settings that are security decisions, kept in code so that no property file can undo them. */
@Component
public class EngineHardeningPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<String> adminGroups = new ArrayList<>(configuration.getAdminGroups() == null ? List.of()
                : configuration.getAdminGroups());
        if (!adminGroups.contains(KontorGroups.ADMINS)) {
            adminGroups.add(KontorGroups.ADMINS);
        }
        configuration.setAdminGroups(adminGroups);
        configuration.setAuthorizationEnabled(true);
        configuration.setDeserializationTypeValidationEnabled(true);
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setEnableXxeProcessing(false);
        configuration.setEnableScriptEngineLoadExternalResources(false);

        List<Deployer> preDeployers = new ArrayList<>(configuration.getCustomPreDeployers() == null ? List.of()
                : configuration.getCustomPreDeployers());
        preDeployers.add(0, new DeploymentGuard());
        configuration.setCustomPreDeployers(preDeployers);
    }
}
