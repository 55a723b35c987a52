package dev.starterkit.db.export.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads a byte stream line by line through a 64 KiB buffer, counting lines; COPY data goes through unchanged. */
final class LineInput {

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;
    private int lineNumber;

    LineInput(InputStream in) {
        this.in = in;
    }

    int lineNumber() {
        return lineNumber;
    }

    /** The next line without its line feed (and carriage return), or null at the end. */
    byte[] readLine() throws IOException {
        byte[] line = new byte[128];
        int length = 0;
        while (true) {
            if (position == limit && !fill()) {
                if (length == 0) {
                    return null;
                }
                lineNumber++;
                return Arrays.copyOf(line, length);
            }
            byte b = buffer[position++];
            if (b == '\n') {
                lineNumber++;
                int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
                return Arrays.copyOf(line, end);
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, length * 2);
            }
            line[length++] = b;
        }
    }

    /** Sends whole lines to {@code sink} until a line that is exactly {@code \.}; returns the lines sent. */
    long copyUntilTerminator(ScriptReader.DataSink sink) throws IOException {
        long lines = 0;
        int startLine = lineNumber;
        while (true) {
            byte[] line = readLine();
            if (line == null) {
                throw new IOException("The COPY data starting after line " + startLine + " has no \\. line");
            }
            if (line.length == 2 && line[0] == '\\' && line[1] == '.') {
                return lines;
            }
            byte[] withFeed = Arrays.copyOf(line, line.length + 1);
            withFeed[line.length] = '\n';
            sink.write(withFeed, 0, withFeed.length);
            lines++;
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
