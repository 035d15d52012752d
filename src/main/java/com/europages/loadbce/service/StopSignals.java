package com.europages.loadbce.service;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM (a container stop) and SIGINT (Ctrl-C) start a graceful stop instead of the JVM's shutdown: the JVM would
 * exit with 143 while its shutdown hooks raced the close steps (and log4j's own hook silenced their log lines).
 * Here the signal only asks the service to stop; the caller stops, closes and exits with its own code.
 */
final class StopSignals {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals() {
    }

    /** Runs {@code stop} once, on the first SIGTERM or SIGINT; a second signal only says the stop is under way. */
    static void onStop(Runnable stop) {
        AtomicBoolean stopping = new AtomicBoolean();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                if (stopping.compareAndSet(false, true)) {
                    LOG.info("SIG{} received: finishing the files in flight, then stopping", signal.getName());
                    stop.run();
                } else {
                    LOG.info("SIG{} received: already stopping (SIGKILL ends the process at once)", signal.getName());
                }
            });
        }
    }
}
