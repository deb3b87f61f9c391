package org.kontor.platform.identity;

import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.BATCH;
import static org.camunda.bpm.engine.authorization.Resources.DASHBOARD;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.REPORT;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;
import static org.kontor.platform.security.KontorGroups.ADMINS;
import static org.kontor.platform.security.KontorGroups.AUDITORS;
import static org.kontor.platform.security.KontorGroups.CLERKS;
import static org.kontor.platform.security.KontorGroups.DESIGNERS;
import static org.kontor.platform.security.KontorGroups.DISPATCHERS;
import static org.kontor.platform.security.KontorGroups.INTEGRATIONS;
import static org.kontor.platform.security.KontorGroups.SUPERVISORS;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.kontor.platform.config.KontorProperties;
import org.kontor.platform.security.KontorGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of SPEC §6, their Camunda authorizations and the Tasklist filters on every start,
 * adding what is missing and leaving what an admin changed alone. Then either creates the demo users
 * (profile {@code demo}) or refuses to start while any user still has the demo password.
 */
@Component
public class IdentityBootstrap implements SmartInitializingSingleton {

    public static final String DEMO_PASSWORD = "demo";
    public static final String DEMO_PROFILE = "demo";
    /**
     * Camunda's webapps offer their first-admin setup page for as long as no user is in this group; Kontor's
     * administrators are members too, so that the page never shows (its API is closed in any case).
     */
    static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    private static final Map<String, String> GROUP_NAMES = Map.of(
            CLERKS, "Clerks", DISPATCHERS, "Dispatchers", SUPERVISORS, "Supervisors", DESIGNERS, "Process designers",
            AUDITORS, "Auditors", ADMINS, "Administrators", INTEGRATIONS, "Integrations (REST clients)");

    /** Demo user id, its group. */
    private static final Map<String, String> DEMO_USERS = Map.of(
            "clerk", CLERKS, "dispatcher", DISPATCHERS, "supervisor", SUPERVISORS, "designer", DESIGNERS,
            "auditor", AUDITORS, "admin", ADMINS, "integration", INTEGRATIONS);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final Environment environment;
    private final KontorProperties properties;
    private final ProcessEngineConfigurationImpl engineConfiguration;

    public IdentityBootstrap(ProcessEngine engine, Environment environment, KontorProperties properties) {
        this.engineConfiguration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.identity = engine.getIdentityService();
        this.authorizations = engine.getAuthorizationService();
        this.filters = engine.getFilterService();
        this.tasks = engine.getTaskService();
        this.environment = environment;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        KontorGroups.ALL.forEach(this::ensureGroup);
        ensureGroup(CAMUNDA_ADMIN_GROUP);
        grantAll();
        ensureFilters();
        if (environment.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
            DEMO_USERS.forEach((user, group) -> ensureUser(user, DEMO_PASSWORD, group));
            log.warn("Demo profile: users {} have the password '{}'. Never run a real installation with it.",
                    DEMO_USERS.keySet(), DEMO_PASSWORD);
        } else {
            createInitialAdmin();
            refuseDemoPasswords();
        }
    }

    private void grantAll() {
        // People who work tasks in Tasklist; candidate-group identity links give them the tasks themselves.
        for (String group : List.of(CLERKS, DISPATCHERS, SUPERVISORS)) {
            grant(group, APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ);
            grant(group, DEPLOYMENT, "*", Permissions.READ);
            grant(group, DECISION_DEFINITION, "*", Permissions.READ);
        }
        // Supervisors also watch the processes they are responsible for.
        readEverything(SUPERVISORS);

        readEverything(AUDITORS);
        grant(AUDITORS, USER, "*", Permissions.READ);
        grant(AUDITORS, GROUP, "*", Permissions.READ);

        grant(DESIGNERS, APPLICATION, "tasklist", Permissions.ACCESS);
        readEverything(DESIGNERS);
        grant(DESIGNERS, DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ, Permissions.DELETE);
        grant(DESIGNERS, PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.CREATE_INSTANCE,
                ProcessDefinitionPermissions.SUSPEND, ProcessDefinitionPermissions.DELETE);
        grant(DESIGNERS, PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE);
        grant(DESIGNERS, DECISION_DEFINITION, "*", Permissions.CREATE_INSTANCE);

        // Machines start processes and correlate messages, nothing else.
        grant(INTEGRATIONS, PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
        grant(INTEGRATIONS, PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE, ProcessInstancePermissions.READ,
                ProcessInstancePermissions.UPDATE);
        grant(INTEGRATIONS, HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
        grant(INTEGRATIONS, DEPLOYMENT, "*", Permissions.READ);
        grant(INTEGRATIONS, DECISION_DEFINITION, "*", Permissions.READ, Permissions.CREATE_INSTANCE);
        // admins are Camunda admin groups (EngineHardeningPlugin) and pass every engine check, but the
        // webapps ask for an explicit application grant at login.
        grant(ADMINS, APPLICATION, "*", Permissions.ACCESS);
    }

    /** Read-only Cockpit: every definition, instance, task, decision and the audit log, no changes. */
    private void readEverything(String group) {
        grant(group, APPLICATION, "cockpit", Permissions.ACCESS);
        grant(group, PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_TASK);
        grant(group, PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
        grant(group, TASK, "*", TaskPermissions.READ);
        grant(group, HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
        grant(group, HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
        grant(group, DEPLOYMENT, "*", Permissions.READ);
        grant(group, DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant(group, DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
        grant(group, BATCH, "*", BatchPermissions.READ);
        grant(group, OPERATION_LOG_CATEGORY, "*", UserOperationLogCategoryPermissions.READ);
        grant(group, REPORT, "*", Permissions.READ);
        grant(group, DASHBOARD, "*", Permissions.READ);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }

    private void ensureGroup(String id) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(GROUP_NAMES.getOrDefault(id, "Camunda administrators (setup guard)"));
            group.setType(id.equals(ADMINS) || id.equals(CAMUNDA_ADMIN_GROUP) ? "SYSTEM" : "WORKFLOW");
            identity.saveGroup(group);
        }
    }

    /** One Tasklist filter per task-working group, so that each person lands on their group's queue. */
    private void ensureFilters() {
        Map<String, String> filterNames = new HashMap<>();
        filterNames.put(CLERKS, "Clerk tasks");
        filterNames.put(DISPATCHERS, "Dispatcher tasks");
        filterNames.put(SUPERVISORS, "Supervisor tasks");
        filterNames.forEach((group, name) -> {
            Filter filter = filters.createFilterQuery().filterName(name).singleResult();
            if (filter == null) {
                TaskQuery query = tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks();
                filter = filters.newTaskFilter(name).setQuery(query)
                        .setProperties(Map.of("description", "Open tasks of the " + group + " group",
                                "refresh", true, "priority", -10));
                filters.saveFilter(filter);
            }
            grantFilter(group, filter.getId());
            grantFilter(DESIGNERS, filter.getId());
        });
    }

    private void grantFilter(String group, String filterId) {
        grant(group, FILTER, filterId, Permissions.READ);
    }

    private void ensureUser(String id, String password, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(Character.toUpperCase(id.charAt(0)) + id.substring(1));
            user.setLastName("(demo)");
            user.setEmail(id + "@kontor.example");
            user.setPassword(password);
            identity.saveUser(user);
        }
        ensureMembership(id, group);
        if (group.equals(ADMINS)) {
            ensureMembership(id, CAMUNDA_ADMIN_GROUP);
        }
    }

    private void ensureMembership(String user, String group) {
        if (identity.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
            identity.createMembership(user, group);
        }
    }

    private void createInitialAdmin() {
        String password = properties.security().initialAdminPassword();
        if (password.isBlank() || identity.createUserQuery().memberOfGroup(ADMINS).count() > 0) {
            return;
        }
        if (password.equals(DEMO_PASSWORD)) {
            throw new IllegalStateException("kontor.security.initial-admin-password must not be the demo password.");
        }
        User admin = identity.newUser("admin");
        admin.setFirstName("Kontor");
        admin.setLastName("Administrator");
        admin.setPassword(password);
        identity.saveUser(admin);
        identity.createMembership("admin", ADMINS);
        identity.createMembership("admin", CAMUNDA_ADMIN_GROUP);
        log.info("Created the initial user 'admin' in group '{}'", ADMINS);
    }

    /**
     * Compares hashes directly: {@code IdentityService.checkPassword} would count every miss as a failed
     * login and, after a few restarts, lock every real user out.
     */
    private void refuseDemoPasswords() {
        PasswordManager passwords = engineConfiguration.getPasswordManager();
        List<String> withDemoPassword = identity.createUserQuery().list().stream()
                .filter(UserEntity.class::isInstance).map(UserEntity.class::cast)
                .filter(u -> u.getPassword() != null && u.getSalt() != null)
                .filter(u -> passwords.check(EncryptionUtil.saltPassword(DEMO_PASSWORD, u.getSalt()), u.getPassword()))
                .map(User::getId).toList();
        if (!withDemoPassword.isEmpty()) {
            throw new IllegalStateException("Refusing to start: user(s) " + withDemoPassword
                    + " still have the demo password. Change their passwords in Camunda Admin (running with the demo "
                    + "profile), or start on a fresh database.");
        }
    }
}
