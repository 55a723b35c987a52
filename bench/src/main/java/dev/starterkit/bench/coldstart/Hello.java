package dev.starterkit.bench.coldstart;

/** The bare-JVM baseline: a class that prints {@code hello}. */
public final class Hello {

    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
