package dev.starterkit.api.views;

/** A membership as the API shows it, with the member's name. */
public record MemberView(String id, String userId, String name, String role) {
}
