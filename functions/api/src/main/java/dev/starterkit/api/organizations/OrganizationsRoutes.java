package dev.starterkit.api.organizations;

import dev.starterkit.api.ApiRuntime;
import dev.starterkit.api.auth.Authenticator;
import dev.starterkit.api.http.ApiResponse;
import dev.starterkit.api.http.ApiException;
import dev.starterkit.api.http.JsonBody;
import dev.starterkit.api.http.Router;
import dev.starterkit.api.internal.Inputs;
import dev.starterkit.api.internal.Paging;
import dev.starterkit.db.id.IdPrefix;
import dev.starterkit.db.schema.organization.Member;
import java.util.Optional;
import java.util.Set;

/** The routes of {@code OrganizationsFunction}: {@code /organizations*} and {@code /invitations/*}. */
public final class OrganizationsRoutes {

    private static final Set<String> ROLES = Set.of(Member.OWNER, Member.ADMIN, Member.MEMBER);

    private OrganizationsRoutes() {
    }

    public static Router router(ApiRuntime runtime) {
        OrganizationService orgs = runtime.organizations();
        Authenticator auth = runtime.authenticator();
        return new Router()
            .add("GET", "/organizations", (r, p) -> ApiResponse.ok(orgs.mine(auth.require(r))))
            .add("POST", "/organizations", (r, p) -> {
                var user = auth.require(r);
                JsonBody body = JsonBody.of(r, Set.of("name", "slug"));
                return ApiResponse.created(orgs.create(user, body.requiredString("name", 1, 100),
                    Inputs.slug(body.requiredString("slug", 1, 48))));
            })
            .add("GET", "/organizations/{slug}", (r, p) ->
                ApiResponse.ok(orgs.get(auth.require(r), Inputs.pathSlug(p.get("slug")))))
            .add("PATCH", "/organizations/{slug}", (r, p) -> {
                var user = auth.require(r);
                JsonBody body = JsonBody.of(r, Set.of("name", "logo"));
                Optional<String> logo = body.optionalString("logo", 1, 2048).map(v -> Inputs.url("logo", v));
                return ApiResponse.ok(orgs.update(user, Inputs.pathSlug(p.get("slug")),
                    body.optionalString("name", 1, 100), logo, body.isExplicitNull("logo")));
            })
            .add("DELETE", "/organizations/{slug}", (r, p) -> {
                orgs.delete(auth.require(r), Inputs.pathSlug(p.get("slug")));
                return ApiResponse.noContent();
            })
            .add("GET", "/organizations/{slug}/members", (r, p) ->
                ApiResponse.ok(orgs.members(auth.require(r), Inputs.pathSlug(p.get("slug")), Paging.from(r))))
            .add("DELETE", "/organizations/{slug}/members/{userId}", (r, p) -> {
                orgs.removeMember(auth.require(r), Inputs.pathSlug(p.get("slug")),
                    Inputs.id(IdPrefix.USER, p.get("userId")));
                return ApiResponse.noContent();
            })
            .add("POST", "/organizations/{slug}/invitations", (r, p) -> {
                var user = auth.require(r);
                JsonBody body = JsonBody.of(r, Set.of("email", "role"));
                String role = body.requiredString("role", 1, 20);
                if (!ROLES.contains(role)) {
                    throw ApiException.validation("\"role\" must be one of owner, admin, member");
                }
                return ApiResponse.created(orgs.invite(user, Inputs.pathSlug(p.get("slug")),
                    Inputs.email(body.requiredString("email", 3, 254)), role));
            })
            .add("POST", "/invitations/{id}/accept", (r, p) ->
                ApiResponse.ok(orgs.accept(auth.require(r), Inputs.id(IdPrefix.INVITATION, p.get("id")))))
            .add("POST", "/invitations/{id}/reject", (r, p) ->
                ApiResponse.ok(orgs.reject(auth.require(r), Inputs.id(IdPrefix.INVITATION, p.get("id")))));
    }
}
