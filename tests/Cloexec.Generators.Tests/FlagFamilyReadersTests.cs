using System;
using System.Linq;
using Cloexec.Generators.Knowledge;
using Cloexec.Interop;
using Xunit;

namespace Cloexec.Generators.Tests;

/// <summary>
/// The generator's side of the one row per flag family (the runtime's side is Cloexec.Tests' FlagFamilyTableTests): the
/// generator reads each family from its row, and a family no entry point takes is a family left out of the table.
/// </summary>
public sealed class FlagFamilyReadersTests
{
    [Fact]
    public void Every_family_is_taken_by_some_entry_point()
    {
        CloexecFlag[] untaken = Enum.GetValues<CloexecFlag>().Except(EntryPointTable.All.Select(entry => entry.Flag)).ToArray();

        Assert.Empty(untaken);
    }

    [Fact]
    public void The_generator_reads_way_placement_and_value_property_from_the_row()
    {
        Assert.All(FlagFamilyTable.All, row =>
        {
            Assert.Equal(row.Way.Way, FlagFamilies.WayOf(row.Family));
            Assert.Equal(row.Placement, FlagFamilies.PlacementOf(row.Family));
            Assert.Equal(row.ValueProperty, FlagFamilies.ValuePropertyOf(row.Family));
        });
    }

    [Fact]
    public void A_flagged_entry_point_takes_its_family_placement()
    {
        string[] wrong = EntryPointTable.All
            .Where(entry => entry.Platform == NativePlatform.Unix && entry.Placement is FlagPlacement.Bits or FlagPlacement.WideBits)
            .Where(entry => FlagFamilies.PlacementOf(entry.Flag) != entry.Placement)
            .Select(entry => $"{entry.Name}: {entry.Placement}, its family {entry.Flag} says {FlagFamilies.PlacementOf(entry.Flag)}")
            .ToArray();

        Assert.Empty(wrong);
    }
}
