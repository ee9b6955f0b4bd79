// Each class starts its own blog dev (Azurite, the trigger host, the preview server) and Chromium: one at a time is
// what a two-core machine runs without starving the timings the tests measure.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
