package org.kontor.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a person logged into Tasklist or Cockpit follow links into /api (the original of a document, a
 * report) with their webapp session. Only safe methods: a session cookie travels with cross-site
 * requests, so anything that changes state still needs HTTP Basic.
 */
public class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    /** Where Camunda's webapps keep the logged-in users (AuthenticationUtil.CAM_AUTH_SESSION_KEY). */
    private static final String CAMUNDA_SESSION_ATTRIBUTE = "authenticatedUser";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

    private final String engineName;

    public WebappSessionAuthenticationFilter(String engineName) {
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && SAFE_METHODS.contains(request.getMethod())
                && SecurityContextHolder.getContext().getAuthentication() == null
                && request.getHeader("Authorization") == null) {
            // read the attribute directly: AuthenticationUtil.getAuthsFromSession would create an empty one
            if (session.getAttribute(CAMUNDA_SESSION_ATTRIBUTE) instanceof Authentications authentications
                    && authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user) {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(CamundaIdentityAuthenticationProvider.authenticated(user.getName(),
                        user.getGroupIds() == null ? java.util.List.of() : user.getGroupIds()));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
