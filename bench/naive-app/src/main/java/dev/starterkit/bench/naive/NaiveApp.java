package dev.starterkit.bench.naive;

import io.micronaut.context.ApplicationContext;

/**
 * Starts the context, reads user {@code args[0]} once and prints it. Configuration comes from system properties
 * ({@code -Ddatasources.default.url=...}), as a naive app would take it from its environment.
 */
public final class NaiveApp {

    private NaiveApp() {
    }

    public static void main(String[] args) {
        System.out.println("main");
        try (ApplicationContext context = ApplicationContext.run()) {
            NaiveUserRepository users = context.getBean(NaiveUserRepository.class);
            System.out.println("ready");
            System.out.println("response " + users.findById(args[0]).map(NaiveUser::name).orElse("404"));
        }
    }
}
