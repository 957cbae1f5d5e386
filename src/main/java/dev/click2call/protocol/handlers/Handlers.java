package dev.click2call.protocol.handlers;

import dev.click2call.dialing.TargetParser;
import dev.click2call.protocol.RequestHandler;
import dev.click2call.softphone.Softphone;
import java.util.LinkedHashMap;
import java.util.Map;

/** The request types this host serves, one handler each. */
public final class Handlers {
  private Handlers() {}

  public static Map<String, RequestHandler> standard(
      Softphone softphone, TargetParser parser, String hostVersion) {
    Map<String, RequestHandler> handlers = new LinkedHashMap<>();
    handlers.put("hello", new HelloHandler(softphone, hostVersion));
    handlers.put("status", new StatusHandler(softphone));
    handlers.put("dial", new DialHandler(softphone, parser));
    handlers.put("answer", new AnswerHandler(softphone));
    handlers.put("decline", new DeclineHandler(softphone));
    handlers.put("hangup", new HangupHandler(softphone));
    handlers.put("hold", new HoldHandler(softphone));
    handlers.put("transfer", new TransferHandler(softphone, parser));
    handlers.put("dtmf", new DtmfHandler(softphone));
    return handlers;
  }
}
