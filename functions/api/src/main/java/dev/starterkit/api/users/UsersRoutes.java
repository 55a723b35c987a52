package dev.starterkit.api.users;

import dev.starterkit.api.ApiRuntime;
import dev.starterkit.api.http.ApiResponse;
import dev.starterkit.api.http.Router;
import dev.starterkit.api.internal.Inputs;
import dev.starterkit.api.internal.Paging;
import dev.starterkit.db.id.IdPrefix;

/** The routes of {@code UsersFunction}: {@code /users*} and {@code /health}. */
public final class UsersRoutes {

    private UsersRoutes() {
    }

    public static Router router(ApiRuntime runtime) {
        UserService users = runtime.users();
        return new Router()
            .add("GET", "/users", (request, params) ->
                ApiResponse.ok(users.list(runtime.authenticator().require(request), Paging.from(request))))
            .add("GET", "/users/{id}", (request, params) ->
                ApiResponse.ok(users.get(runtime.authenticator().find(request),
                    Inputs.id(IdPrefix.USER, params.get("id")))))
            .add("GET", "/health", (request, params) -> runtime.health().check());
    }
}
