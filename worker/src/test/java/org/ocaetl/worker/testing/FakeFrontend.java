package org.ocaetl.worker.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.stub.StreamObserver;
import io.temporal.api.schedule.v1.Schedule;
import io.temporal.api.schedule.v1.ScheduleInfo;
import io.temporal.api.workflowservice.v1.CreateScheduleRequest;
import io.temporal.api.workflowservice.v1.CreateScheduleResponse;
import io.temporal.api.workflowservice.v1.DescribeScheduleRequest;
import io.temporal.api.workflowservice.v1.DescribeScheduleResponse;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.api.workflowservice.v1.PatchScheduleRequest;
import io.temporal.api.workflowservice.v1.PatchScheduleResponse;
import io.temporal.api.workflowservice.v1.UpdateScheduleRequest;
import io.temporal.api.workflowservice.v1.UpdateScheduleResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * A recording stand-in for the Temporal frontend's schedule calls, served over real gRPC (plain,
 * TLS or mTLS). Temporal's test server has no Schedules and no real cluster is available offline,
 * so this is where {@code oca schedule} meets a server: the requests the SDK's ScheduleClient
 * really sends are recorded for the tests to check, and just enough state is kept (one schedule
 * per id, its paused flag) for describe/update/patch to answer like the server does. It also
 * records the call metadata (API key, namespace header) and the TLS client certificate.
 */
public final class FakeFrontend extends WorkflowServiceGrpc.WorkflowServiceImplBase implements AutoCloseable {
  public static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  public static final Metadata.Key<String> NAMESPACE = Metadata.Key.of("temporal-namespace", Metadata.ASCII_STRING_MARSHALLER);

  public final List<Message> requests = Collections.synchronizedList(new ArrayList<>());
  public final List<Metadata> headers = Collections.synchronizedList(new ArrayList<>());
  public final List<String> clientCertificates = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Schedule> schedules = new HashMap<>();
  private int version;
  private Server server;

  /** Plain text on a free port. */
  public static FakeFrontend plain() throws IOException {
    return start(NettyServerBuilder.forPort(0));
  }

  /** TLS with {@code cert}/{@code key}; with {@code trustedClient}, mTLS requiring that client certificate. */
  public static FakeFrontend tls(Path cert, Path key, Path trustedClient) throws IOException {
    SslContextBuilder ssl = GrpcSslContexts.configure(SslContextBuilder.forServer(cert.toFile(), key.toFile()));
    if (trustedClient != null) {
      ssl.trustManager(trustedClient.toFile()).clientAuth(ClientAuth.REQUIRE);
    }
    return start(NettyServerBuilder.forPort(0).sslContext(ssl.build()));
  }

  private static FakeFrontend start(NettyServerBuilder builder) throws IOException {
    FakeFrontend fake = new FakeFrontend();
    fake.server = builder.addService(ServerInterceptors.intercept(fake, fake.recorder())).build().start();
    return fake;
  }

  public String address() {
    return "127.0.0.1:" + server.getPort();
  }

  public <T extends Message> List<T> requests(Class<T> type) {
    synchronized (requests) {
      return requests.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }

  private ServerInterceptor recorder() {
    return new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(
          ServerCall<Q, R> call, Metadata metadata, ServerCallHandler<Q, R> next) {
        headers.add(metadata);
        SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
        if (session != null) {
          try {
            clientCertificates.add(((X509Certificate) session.getPeerCertificates()[0]).getSubjectX500Principal().getName());
          } catch (SSLPeerUnverifiedException e) {
            // TLS without a client certificate
          }
        }
        return next.startCall(call, metadata);
      }
    };
  }

  @Override
  public void getSystemInfo(GetSystemInfoRequest request, StreamObserver<GetSystemInfoResponse> response) {
    response.onNext(GetSystemInfoResponse.getDefaultInstance());
    response.onCompleted();
  }

  @Override
  public synchronized void createSchedule(CreateScheduleRequest request, StreamObserver<CreateScheduleResponse> response) {
    requests.add(request);
    if (schedules.containsKey(request.getScheduleId())) {
      response.onError(Status.ALREADY_EXISTS.withDescription("schedule exists").asRuntimeException());
      return;
    }
    schedules.put(request.getScheduleId(), request.getSchedule());
    version++;
    response.onNext(CreateScheduleResponse.newBuilder().setConflictToken(token()).build());
    response.onCompleted();
  }

  @Override
  public synchronized void describeSchedule(DescribeScheduleRequest request, StreamObserver<DescribeScheduleResponse> response) {
    requests.add(request);
    Schedule schedule = schedules.get(request.getScheduleId());
    if (schedule == null) {
      response.onError(Status.NOT_FOUND.withDescription("schedule not found").asRuntimeException());
      return;
    }
    response.onNext(
        DescribeScheduleResponse.newBuilder()
            .setSchedule(schedule)
            .setInfo(ScheduleInfo.getDefaultInstance())
            .setConflictToken(token())
            .build());
    response.onCompleted();
  }

  @Override
  public synchronized void updateSchedule(UpdateScheduleRequest request, StreamObserver<UpdateScheduleResponse> response) {
    requests.add(request);
    // Like the server: an empty token means "no check"; a stale one is rejected.
    if (!request.getConflictToken().isEmpty() && !request.getConflictToken().equals(token())) {
      response.onError(Status.FAILED_PRECONDITION.withDescription("conflict token mismatch").asRuntimeException());
      return;
    }
    schedules.put(request.getScheduleId(), request.getSchedule());
    version++;
    response.onNext(UpdateScheduleResponse.getDefaultInstance());
    response.onCompleted();
  }

  @Override
  public synchronized void patchSchedule(PatchScheduleRequest request, StreamObserver<PatchScheduleResponse> response) {
    requests.add(request);
    Schedule schedule = schedules.get(request.getScheduleId());
    if (!request.getPatch().getPause().isEmpty() || !request.getPatch().getUnpause().isEmpty()) {
      boolean pause = !request.getPatch().getPause().isEmpty();
      String note = pause ? request.getPatch().getPause() : request.getPatch().getUnpause();
      schedules.put(
          request.getScheduleId(),
          schedule.toBuilder().setState(schedule.getState().toBuilder().setPaused(pause).setNotes(note)).build());
      version++;
    }
    response.onNext(PatchScheduleResponse.getDefaultInstance());
    response.onCompleted();
  }

  private ByteString token() {
    return ByteString.copyFromUtf8("v" + version);
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
