package dev.starterkit.api.users;

import dev.starterkit.api.auth.CurrentUser;
import dev.starterkit.api.http.ApiException;
import dev.starterkit.api.internal.ApiData;
import dev.starterkit.api.internal.Paging;
import dev.starterkit.api.views.Page;
import dev.starterkit.api.views.UserView;
import dev.starterkit.db.schema.organization.Member;
import dev.starterkit.db.schema.user.User;
import io.micronaut.data.model.Limit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Public profiles and the user list; an email is shown to its owner and to fellow organization members only. */
public final class UserService {

    private final ApiData data;

    public UserService(ApiData data) {
        this.data = data;
    }

    /** One user's profile. */
    public UserView get(Optional<CurrentUser> viewer, String id) {
        User user = data.reads().users().findById(id).orElseThrow(() -> ApiException.notFound("No such user"));
        return UserView.of(user, viewer.map(v -> colleaguesOf(v).contains(id)).orElse(false));
    }

    /** Users in id order, a page at a time. */
    public Page<UserView> list(CurrentUser viewer, Paging paging) {
        List<User> users = data.reads().users().findByIdGreaterThanOrderById(paging.afterId(),
            Limit.of(paging.limit(), 0));
        Set<String> colleagues = colleaguesOf(viewer);
        List<UserView> items = users.stream().map(u -> UserView.of(u, colleagues.contains(u.id()))).toList();
        String next = users.size() == paging.limit() ? Paging.cursorAfter(users.get(users.size() - 1).id()) : null;
        return new Page<>(items, next);
    }

    /** The viewer and everyone who shares an organization with them. */
    private Set<String> colleaguesOf(CurrentUser viewer) {
        Set<String> orgs = data.reads().members().findByUserId(viewer.id()).stream().map(Member::organizationId)
            .collect(Collectors.toSet());
        Set<String> ids = orgs.isEmpty() ? new HashSet<>() : data.reads().members().findByOrganizationIdIn(orgs)
            .stream().map(Member::userId).collect(Collectors.toSet());
        ids.add(viewer.id());
        return ids;
    }
}
