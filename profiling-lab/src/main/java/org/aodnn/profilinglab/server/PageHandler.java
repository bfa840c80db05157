package org.aodnn.profilinglab.server;

import org.aodnn.profilinglab.protocol.BackendMessage;
import org.aodnn.profilinglab.protocol.ErrorMessage;
import org.aodnn.profilinglab.protocol.HelloMessage;
import org.aodnn.profilinglab.protocol.ResultMessage;
import org.aodnn.profilinglab.protocol.SkipMessage;
import org.aodnn.profilinglab.protocol.ThroughputMessage;

/**
 * What the server does with the page's requests once the token and the JSON are valid. Called on the
 * server's threads, one request at a time per session; a method returns once the message is stored, so
 * the page's 204 means "kept". Throw {@link MessageRejectedException} for a message that is well-formed
 * but wrong for this session (unknown layer, duplicate result): nothing of it may have been stored.
 */
public interface PageHandler {

    /** The job as the page reads it ({@code api/job}). */
    String jobJson();

    void hello(HelloMessage message);

    void backend(BackendMessage message);

    void result(ResultMessage message);

    void skip(SkipMessage message);

    void throughput(ThroughputMessage message);

    void done();

    void error(ErrorMessage message);
}
