using Aspire.Hosting.ApplicationModel;

namespace RobuustOD.AppHost.Tests;

/// <summary>Which state changes of a resource are a crash, and the backoff between restarts.</summary>
public sealed class CrashTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static CrashTracker Tracker() => new(new CrashRestartOptions
    {
        InitialDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(30),
        StableAfter = TimeSpan.FromSeconds(60),
    });

    [Fact]
    public void A_running_resource_that_ends_without_a_stop_request_is_restarted_with_a_doubling_delay_up_to_the_cap()
    {
        var tracker = Tracker();
        var now = T0;
        var delays = new List<TimeSpan?>();
        for (var crash = 0; crash < 7; crash++)
        {
            Assert.Null(tracker.Observe(KnownResourceStates.Starting, now, appHostStopping: false));
            Assert.Null(tracker.Observe(KnownResourceStates.Running, now, appHostStopping: false));
            now += TimeSpan.FromSeconds(5);
            delays.Add(tracker.Observe(KnownResourceStates.Finished, now, appHostStopping: false)); // kill -9: exit code 137
        }

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], delays.Select(d => d!.Value.TotalSeconds));
        Assert.Equal(7, tracker.CrashesInARow);
    }

    [Fact]
    public void After_a_stable_run_the_backoff_starts_over()
    {
        var tracker = Tracker();
        tracker.Observe(KnownResourceStates.Running, T0, false);
        tracker.Observe(KnownResourceStates.Exited, T0.AddSeconds(1), false);
        tracker.Observe(KnownResourceStates.Running, T0.AddSeconds(3), false);
        Assert.Equal(TimeSpan.FromSeconds(2), tracker.Observe(KnownResourceStates.Exited, T0.AddSeconds(4), false));
        tracker.Observe(KnownResourceStates.Running, T0.AddSeconds(10), false);

        Assert.Equal(TimeSpan.FromSeconds(1), tracker.Observe(KnownResourceStates.Finished, T0.AddSeconds(100), false));
        Assert.Equal(TimeSpan.FromSeconds(90), tracker.RanFor);
    }

    [Fact]
    public void A_resource_stopped_on_purpose_is_not_restarted_but_a_later_crash_is()
    {
        var tracker = Tracker();
        tracker.Observe(KnownResourceStates.Running, T0, false);
        Assert.Null(tracker.Observe(KnownResourceStates.Stopping, T0.AddSeconds(1), false));
        Assert.Null(tracker.Observe(KnownResourceStates.Exited, T0.AddSeconds(2), false));

        // Started again from the dashboard, then killed.
        tracker.Observe(KnownResourceStates.Starting, T0.AddSeconds(10), false);
        tracker.Observe(KnownResourceStates.Running, T0.AddSeconds(11), false);
        Assert.NotNull(tracker.Observe(KnownResourceStates.Finished, T0.AddSeconds(12), false));
    }

    [Fact]
    public void A_stop_that_DCP_reports_as_unknown_and_an_exit_afterwards_is_no_crash()
    {
        var tracker = Tracker();
        tracker.Observe(KnownResourceStates.Running, T0, false);
        tracker.Observe(KnownResourceStates.Stopping, T0.AddSeconds(1), false);
        Assert.Null(tracker.Observe("Unknown", T0.AddSeconds(13), false));
        Assert.Null(tracker.Observe(KnownResourceStates.Finished, T0.AddSeconds(20), false));
    }

    [Fact]
    public void Nothing_is_restarted_while_the_app_host_stops()
    {
        var tracker = Tracker();
        tracker.Observe(KnownResourceStates.Running, T0, false);
        Assert.Null(tracker.Observe(KnownResourceStates.Finished, T0.AddSeconds(1), appHostStopping: true));
    }

    [Fact]
    public void A_process_that_exits_during_its_start_is_restarted()
    {
        // As the register that exited while applying its schema (an unhandled exception: exit code 134), before DCP
        // reported it running.
        var tracker = Tracker();
        Assert.Null(tracker.Observe(KnownResourceStates.Waiting, T0, false));
        Assert.Null(tracker.Observe(KnownResourceStates.Starting, T0.AddSeconds(20), false));
        Assert.Equal(TimeSpan.FromSeconds(1), tracker.Observe(KnownResourceStates.Finished, T0.AddSeconds(63), false));
        Assert.Equal(TimeSpan.FromSeconds(43), tracker.RanFor);
    }

    [Fact]
    public void A_resource_that_failed_to_start_is_tried_again_but_one_that_never_ran_is_not()
    {
        var failed = Tracker();
        Assert.Null(failed.Observe(KnownResourceStates.Starting, T0, false));
        Assert.Equal(TimeSpan.FromSeconds(1), failed.Observe(KnownResourceStates.FailedToStart, T0.AddSeconds(1), false));

        // E.g. a resource that is not started with the app host: its first state is already terminal.
        Assert.Null(Tracker().Observe(KnownResourceStates.Exited, T0, false));
    }
}
