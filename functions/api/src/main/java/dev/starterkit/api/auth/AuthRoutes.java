package dev.starterkit.api.auth;

import dev.starterkit.api.ApiRuntime;
import dev.starterkit.api.http.ApiResponse;
import dev.starterkit.api.http.JsonBody;
import dev.starterkit.api.http.Router;
import dev.starterkit.api.internal.Inputs;
import dev.starterkit.api.views.UserView;
import java.util.Optional;
import java.util.Set;

/** The routes of {@code AuthFunction}: {@code /auth/*} and {@code /me}. */
public final class AuthRoutes {

    private AuthRoutes() {
    }

    public static Router router(ApiRuntime runtime) {
        AuthService auth = runtime.auth();
        Authenticator authenticator = runtime.authenticator();
        return new Router()
            .add("POST", "/auth/sign-up", (request, params) -> {
                JsonBody body = JsonBody.of(request, Set.of("name", "email", "password"));
                String name = body.requiredString("name", 1, 100);
                String email = Inputs.email(body.requiredString("email", 3, 254));
                String password = Inputs.password(body.requiredString("password", 8, 200));
                return ApiResponse.created(auth.signUp(name, email, password));
            })
            .add("POST", "/auth/sign-in", (request, params) -> {
                JsonBody body = JsonBody.of(request, Set.of("email", "password"));
                String email = body.requiredString("email", 1, 254).toLowerCase(java.util.Locale.ROOT);
                return ApiResponse.ok(auth.signIn(email, body.requiredString("password", 1, 200)));
            })
            .add("POST", "/auth/sign-out", (request, params) -> {
                auth.signOut(authenticator.require(request));
                return ApiResponse.noContent();
            })
            .add("GET", "/me", (request, params) ->
                ApiResponse.ok(UserView.of(authenticator.require(request).user(), true)))
            .add("PATCH", "/me", (request, params) -> {
                CurrentUser current = authenticator.require(request);
                JsonBody body = JsonBody.of(request, Set.of("name", "image"));
                Optional<String> name = body.optionalString("name", 1, 100);
                Optional<String> image = body.optionalString("image", 1, 2048).map(v -> Inputs.url("image", v));
                return ApiResponse.ok(auth.updateProfile(current, name, image, body.isExplicitNull("image")));
            });
    }
}
