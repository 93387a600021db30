package org.orgllm.interfaces.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.orgllm.infrastructure.security.ApiKeyCredential;
import org.orgllm.interfaces.openai.OpenAiError;
import org.orgllm.interfaces.openai.OpenAiJson;
import org.orgllm.interfaces.rest.JsonbProvider;
import org.orgllm.interfaces.rest.problem.Problem;

/**
 * The application's single authentication mechanism:
 * <ul>
 * <li>a login form posts through {@code SecurityContext.authenticate} with a username and password;</li>
 * <li>API calls carry {@code Authorization: Basic} (people) or {@code Bearer} (organization API keys);</li>
 * <li>an unauthenticated call to a protected API gets a 401 problem body (OpenAI's error body under
 * {@code /v1}); a protected page redirects to the login page.</li>
 * </ul>
 * The session remembers a form login ({@link AutoApplySession}); API calls are stateless.
 */
@AutoApplySession
@ApplicationScoped
public class OrgLlmAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential formCredential = context.getAuthParameters().getCredential();
        if (formCredential != null) {
            return login(context, identityStores.validate(formCredential), request, response, false);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            Credential credential = parse(authorization);
            if (credential == null) {
                return unauthorized(request, response, "unsupported Authorization header: use Bearer <API key> or Basic");
            }
            return login(context, identityStores.validate(credential), request, response, true);
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (isApi(request)) {
            return unauthorized(request, response, "authentication required: send Authorization: Bearer <API key>");
        }
        String next = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getQueryString() != null) {
            next += "?" + request.getQueryString();
        }
        return context.redirect(request.getContextPath() + LOGIN_PAGE + "?next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    private AuthenticationStatus login(HttpMessageContext context, CredentialValidationResult result,
            HttpServletRequest request, HttpServletResponse response, boolean api) {
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            return context.notifyContainerAboutLogin(result);
        }
        if (api) {
            return unauthorized(request, response, "invalid credentials");
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static Credential parse(String authorization) {
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = authorization.substring(0, space);
        String value = authorization.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Basic")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            return colon < 0 ? null
                    : new UsernamePasswordCredential(decoded.substring(0, colon), new Password(decoded.substring(colon + 1)));
        }
        if (scheme.equalsIgnoreCase("Bearer") && !value.isEmpty()) {
            return new ApiKeyCredential(value);
        }
        return null;
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || isOpenAi(request);
    }

    /** The OpenAI-compatible API, whose clients only understand OpenAI's error body. */
    static boolean isOpenAi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/v1") || path.startsWith("/v1/");
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
            String detail) {
        try {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"orgllm\"");
            response.setCharacterEncoding("UTF-8");
            if (isOpenAi(request)) {
                response.setContentType("application/json");
                response.getWriter().write(OpenAiJson.jsonb().toJson(OpenAiError.unauthorized(detail)));
                return AuthenticationStatus.SEND_FAILURE;
            }
            response.setContentType(Problem.MEDIA_TYPE);
            response.getWriter().write(JsonbProvider.jsonb().toJson(Problem.of(401, "Unauthorized", detail)));
        } catch (IOException e) {
            // the client went away; nothing more to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
