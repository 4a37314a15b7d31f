package org.publiclegal.demo;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.publiclegal.shared.config.AppConfig;

import java.time.Duration;
import java.util.List;

/**
 * Writes the demo county's activity once its registers are there ({@link DemoData}, during start-up): by default in
 * the background after the service is up ({@code app.demo.background}), so start-up and readiness wait only for the
 * registers and logins. The steps keep their order, as each builds on the one before: the year's consultations and
 * screenings, advisors, videos, notifications, the offline cases, the dated year of cases ({@link DemoYear}), last
 * month's 以案奖补 statement, the closing of this year's finished months and, last, an imported 台账 ({@link OnboardingDemo}). Each step does its work once; a
 * restart finds it done and goes on.
 */
@ApplicationScoped
public class DemoLoader {

    /** One step of the demo: idempotent, blocking (it waits for its own reactive work). */
    @FunctionalInterface
    interface Step {
        void load() throws Throwable;
    }

    private final AppConfig config;
    private final List<Step> steps;
    private volatile Thread worker;

    public DemoLoader(AppConfig config, DemoActivity activity, AdvisoryDemo advisory, EducationDemo education,
                      NotificationDemo notification, OfflineDemo offline, DemoYear year, SubsidyDemo subsidy,
                      ClosingDemo closing, OnboardingDemo onboarding) {
        this.config = config;
        this.steps = List.of(activity::load, advisory::load, education::load, notification::load, offline::load,
                year::load, subsidy::load, closing::load, onboarding::load);
    }

    void start(@Observes @Priority(20) StartupEvent event) {
        if (!config.demo().enabled()) {
            return;
        }
        if (!config.demo().background()) {
            run();
            return;
        }
        Log.info("Demo county: its year of activity is being written in the background (the service is up meanwhile)");
        Thread t = new Thread(this::run, "demo-loader");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    void stop(@Observes ShutdownEvent event) {
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
    }

    private void run() {
        long started = System.nanoTime();
        for (Step step : steps) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                step.load();
            } catch (Throwable e) {
                Log.error("Demo county: a step failed; the demo activity stops here", e);
                return;
            }
        }
        Log.infof("Demo county ready: its activity written in %d s", Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }
}
