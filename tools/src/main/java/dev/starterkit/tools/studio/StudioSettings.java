package dev.starterkit.tools.studio;

/**
 * How a studio runs.
 *
 * @param port the loopback port to listen on, 0 for any free one
 * @param writable whether rows may be inserted, edited and deleted
 * @param stage the environment's name, shown in the UI
 * @param database the redacted database target, shown in the UI
 */
public record StudioSettings(int port, boolean writable, String stage, String database) {

    public StudioSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("The port must be between 0 and 65535");
        }
    }
}
