using Xunit;

// Tests start children with handle inheritance on, and some create inheritable handles: one at a time, so that the
// handles of one test never reach another test's child.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
