using Xunit;

// The ambient default, the forced fallback and the fault hook are process-wide: tests that change them
// must not overlap tests that read them.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
