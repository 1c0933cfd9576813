/* Copyright (c) PorSetup contributors. MIT licensed. */
/*
 * The deadline's arithmetic, apart from the threads and handles that use it (Proxy.c) so that a host compiler can
 * test it (tests/PorSetup.CustomAction.Tests/Native/DeadlineClockCheck.c). Times are milliseconds of one monotonic
 * clock (GetTickCount64 in Proxy.c); the caller holds whatever lock guards the clock.
 *
 * The clock runs while the worker has the turn and stops while msiexec answers one of its session calls. Whether it
 * runs is a flag of its own, never a special value of the start time: a reading taken in the same tick as the start
 * is no time used at all, and a reading that seems to go backwards counts as none either.
 */
#ifndef PORSETUP_DEADLINE_CLOCK_H
#define PORSETUP_DEADLINE_CLOCK_H

typedef struct
{
    unsigned long long remaining; /* milliseconds of the worker's time left, as of the last stop */
    unsigned long long since;     /* when the clock last started; meaningful while running */
    int running;
} DeadlineClock;

/* The time used since the clock last started; none when stopped or when now is not after that start. */
static unsigned long long DeadlineClockUsed(const DeadlineClock *clock, unsigned long long now)
{
    return clock->running && now > clock->since ? now - clock->since : 0;
}

/* Milliseconds left at now; 0 means the deadline has passed. */
static unsigned long long DeadlineClockLeft(const DeadlineClock *clock, unsigned long long now)
{
    unsigned long long used = DeadlineClockUsed(clock, now);
    return used < clock->remaining ? clock->remaining - used : 0;
}

/* Starts (running != 0) or stops the clock at now, keeping what was used so far. */
static void DeadlineClockSet(DeadlineClock *clock, unsigned long long now, int running)
{
    clock->remaining = DeadlineClockLeft(clock, now);
    clock->since = now;
    clock->running = running;
}

#endif
