package dev.starterkit.db.export;

/**
 * What a restore did.
 *
 * @param statements SQL statements executed, COPY statements included
 * @param copyBlocks COPY blocks loaded
 * @param rows data rows loaded through COPY
 * @param droppedObjects objects dropped first because {@code clean} was asked for
 */
public record RestoreResult(long statements, long copyBlocks, long rows, int droppedObjects) {
}
