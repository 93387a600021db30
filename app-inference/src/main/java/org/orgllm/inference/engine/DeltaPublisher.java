package org.orgllm.inference.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * Publishes one request's text deltas to any number of subscribers, each from the first delta
 * (a request's output is small, so replaying it beats losing the start to a late subscriber). It
 * respects each subscriber's demand and never blocks the publishing (inference) thread: undelivered
 * deltas wait in the list until requested.
 */
final class DeltaPublisher implements Flow.Publisher<String> {

  private final List<String> deltas = new ArrayList<>();
  private final List<Subscription> subscriptions = new ArrayList<>();
  private boolean complete;
  private Throwable error;

  /** Adds a non-empty delta. */
  void publish(String delta) {
    List<Subscription> current;
    synchronized (this) {
      deltas.add(delta);
      current = List.copyOf(subscriptions);
    }
    current.forEach(Subscription::drain);
  }

  /** Ends the stream normally. */
  void complete() {
    end(null);
  }

  /** Ends the stream with an error. */
  void fail(Throwable t) {
    end(t);
  }

  private void end(Throwable t) {
    List<Subscription> current;
    synchronized (this) {
      if (complete) {
        return;
      }
      complete = true;
      error = t;
      current = List.copyOf(subscriptions);
    }
    current.forEach(Subscription::drain);
  }

  @Override
  public void subscribe(Flow.Subscriber<? super String> subscriber) {
    Subscription s = new Subscription(subscriber);
    synchronized (this) {
      subscriptions.add(s);
    }
    subscriber.onSubscribe(s);
    s.drain();
  }

  /** One subscriber's position and demand; delivery runs in one thread at a time (the drain loop). */
  private final class Subscription implements Flow.Subscription {
    private final Flow.Subscriber<? super String> subscriber;
    private long demand;
    private int next;
    private boolean cancelled;
    private boolean draining;
    private boolean again;
    private boolean terminated;

    Subscription(Flow.Subscriber<? super String> subscriber) {
      this.subscriber = subscriber;
    }

    @Override
    public void request(long n) {
      synchronized (DeltaPublisher.this) {
        if (n <= 0) {
          cancelled = true;
          subscriptions.remove(this);
        } else {
          demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
        }
      }
      if (n <= 0) {
        subscriber.onError(new IllegalArgumentException("request(" + n + "): demand must be positive (§3.9)"));
        return;
      }
      drain();
    }

    @Override
    public void cancel() {
      synchronized (DeltaPublisher.this) {
        cancelled = true;
        subscriptions.remove(this);
      }
    }

    void drain() {
      synchronized (DeltaPublisher.this) {
        if (draining) {
          again = true;
          return;
        }
        draining = true;
      }
      while (true) {
        String item = null;
        boolean finish = false;
        Throwable failure = null;
        synchronized (DeltaPublisher.this) {
          if (cancelled || terminated) {
            draining = false;
            return;
          }
          if (demand > 0 && next < deltas.size()) {
            item = deltas.get(next++);
            demand--;
          } else if (complete && next >= deltas.size()) {
            finish = true;
            terminated = true;
            failure = error;
          } else if (again) {
            again = false;
            continue;
          } else {
            draining = false;
            return;
          }
        }
        if (finish) {
          if (failure == null) {
            subscriber.onComplete();
          } else {
            subscriber.onError(failure);
          }
          synchronized (DeltaPublisher.this) {
            subscriptions.remove(this);
            draining = false;
          }
          return;
        }
        subscriber.onNext(item);
      }
    }
  }
}
