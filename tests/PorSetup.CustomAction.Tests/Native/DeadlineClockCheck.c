/* Copyright (c) PorSetup contributors. MIT licensed. */
/*
 * Checks the proxy's deadline arithmetic (src/PorSetup.CustomAction/Native/DeadlineClock.h) on this host: compiled
 * and run by DeadlineClockTests. Prints one line per failed case and "all ok" when none failed.
 */
#include <stdio.h>
#include "DeadlineClock.h"

static int failures;

static void Expect(const char *what, unsigned long long actual, unsigned long long expected)
{
    if (actual != expected)
    {
        printf("FAILED %s: %llu, expected %llu\n", what, actual, expected);
        failures++;
    }
}

static DeadlineClock Started(unsigned long long deadline, unsigned long long now)
{
    DeadlineClock clock = {deadline, now, 1};
    return clock;
}

int main(void)
{
    /* The regression: the clock was once started at "now | 1", so a reading in the same millisecond as an
       even-numbered start wrapped to a huge time used and ended a worker that had just started. */
    for (unsigned long long start = 1000; start < 1004; start++)
    {
        DeadlineClock clock = Started(120000, start);
        Expect("a reading in the start's own tick leaves the whole deadline", DeadlineClockLeft(&clock, start), 120000);
        Expect("one millisecond later, one millisecond is used", DeadlineClockLeft(&clock, start + 1), 119999);
    }

    DeadlineClock clock = Started(120000, 0);
    Expect("a start at tick 0 runs like any other", DeadlineClockLeft(&clock, 50), 119950);

    clock = Started(5000, 10000);
    Expect("a reading before the start counts as no time used", DeadlineClockLeft(&clock, 9999), 5000);
    Expect("the deadline's last millisecond", DeadlineClockLeft(&clock, 14999), 1);
    Expect("at the deadline nothing is left", DeadlineClockLeft(&clock, 15000), 0);
    Expect("past it nothing is left, never a wrapped value", DeadlineClockLeft(&clock, 99999), 0);

    /* Stopped while msiexec answers a session call: that time is not the worker's. */
    clock = Started(5000, 10000);
    DeadlineClockSet(&clock, 11000, 0);
    Expect("stopping keeps what was left", clock.remaining, 4000);
    Expect("a stopped clock does not run", DeadlineClockLeft(&clock, 60000), 4000);
    DeadlineClockSet(&clock, 60000, 1);
    Expect("started again, it goes on from there", DeadlineClockLeft(&clock, 61000), 3000);
    DeadlineClockSet(&clock, 61000, 1);
    Expect("a start while running keeps the time used", DeadlineClockLeft(&clock, 61000), 3000);
    Expect("and still ends on time", DeadlineClockLeft(&clock, 64000), 0);

    clock = Started(5000, 10000);
    DeadlineClockSet(&clock, 20000, 0);
    Expect("stopped after the deadline: nothing left", DeadlineClockLeft(&clock, 20000), 0);
    DeadlineClockSet(&clock, 30000, 1);
    Expect("and nothing comes back when it starts again", DeadlineClockLeft(&clock, 30000), 0);

    if (failures == 0)
    {
        printf("all ok\n");
    }
    return failures ? 1 : 0;
}
