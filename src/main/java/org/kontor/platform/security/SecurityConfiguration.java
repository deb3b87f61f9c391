package org.kontor.platform.security;

import static org.kontor.platform.security.KontorGroups.ADMINS;
import static org.kontor.platform.security.KontorGroups.CLERKS;
import static org.kontor.platform.security.KontorGroups.DESIGNERS;
import static org.kontor.platform.security.KontorGroups.DISPATCHERS;
import static org.kontor.platform.security.KontorGroups.INTEGRATIONS;
import static org.kontor.platform.security.KontorGroups.SUPERVISORS;
import static org.kontor.platform.security.KontorGroups.WRITERS;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.kontor.platform.config.KontorProperties;
import org.kontor.platform.engine.RequestSizeLimitFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.SessionManagementConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what (SPEC §6). Machines use HTTP Basic against Camunda's users; people use the Camunda
 * webapps, which authenticate themselves. Camunda authorizations decide inside /engine-rest; Spring
 * decides by group inside /api. Only health answers without credentials.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
            IdentityService identityService, KontorProperties properties) throws Exception {
        ProblemJsonSecurityHandlers problems = new ProblemJsonSecurityHandlers();
        return http.securityMatcher(path("/engine-rest/**"))
                .authenticationManager(new ProviderManager(provider))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(SecurityConfiguration::stateless)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .addFilterBefore(new RequestSizeLimitFilter(properties.uploads().engineRestMaxRequestSize().toBytes()),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, CamundaIdentityAuthenticationProvider provider, ProcessEngine engine)
            throws Exception {
        ProblemJsonSecurityHandlers problems = new ProblemJsonSecurityHandlers();
        // stateless: the webapp session is read per request by WebappSessionAuthenticationFilter and only
        // for safe methods; Spring must never remember an /api authentication in that session, nor renew its id.
        return http.securityMatcher(path("/api/**"))
                .authenticationManager(new ProviderManager(provider))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(SecurityConfiguration::stateless)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterAfter(new WebappSessionAuthenticationFilter(engine.getName()), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path(HttpMethod.GET, "/api/**")).authenticated()
                        .requestMatchers(path(HttpMethod.HEAD, "/api/**")).authenticated()
                        .requestMatchers(path("/api/master-data/**")).hasAnyAuthority(ADMINS, INTEGRATIONS)
                        .requestMatchers(path("/api/classifier/**")).hasAnyAuthority(ADMINS, INTEGRATIONS)
                        .requestMatchers(path("/api/inventory/receipts")).hasAnyAuthority(CLERKS, SUPERVISORS, ADMINS, INTEGRATIONS)
                        .requestMatchers(path("/api/inventory/counts"), path("/api/inventory/counts/**"))
                                .hasAnyAuthority(CLERKS, SUPERVISORS, ADMINS, INTEGRATIONS)
                        // planning, driver events and what-if solving are the dispatchers' (designers try routing)
                        .requestMatchers(path("/api/deliveries/**")).hasAnyAuthority(DISPATCHERS, DESIGNERS, ADMINS, INTEGRATIONS)
                        .anyRequest().hasAnyAuthority(WRITERS))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain actuator(HttpSecurity http, CamundaIdentityAuthenticationProvider provider) throws Exception {
        ProblemJsonSecurityHandlers problems = new ProblemJsonSecurityHandlers();
        return http.securityMatcher(path("/actuator/**"))
                .authenticationManager(new ProviderManager(provider))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(SecurityConfiguration::stateless)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
                        .anyRequest().hasAnyAuthority(ADMINS, KontorGroups.AUDITORS))
                .build();
    }

    /**
     * The Camunda webapps (Tasklist, Cockpit, Admin) log people in and check their authorizations
     * themselves, with their own CSRF protection and security headers. The first-admin setup page is
     * closed: admins are created by configuration, never by whoever reaches the page first.
     */
    @Bean
    @Order(4)
    SecurityFilterChain webapps(HttpSecurity http) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/camunda/api/admin/setup/**")).denyAll()
                        .anyRequest().permitAll())
                .build();
    }

    /**
     * Spring keeps no authentication in a session and never renews a session id. Without {@code none()} its
     * session-fixation protection took the authentication WebappSessionAuthenticationFilter reads from the
     * Tasklist session for a fresh login and changed that session's id on every /api GET (a form's page
     * image): Tasklist requests already on their way with the old id found no session and answered 401,
     * which logs the person out of Tasklist. Camunda's own login renews the id of the webapp session.
     */
    private static void stateless(SessionManagementConfigurer<HttpSecurity> session) {
        session.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(fixation -> fixation.none());
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }
}
