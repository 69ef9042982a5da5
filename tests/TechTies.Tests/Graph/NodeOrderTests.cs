using FsCheck;
using FsCheck.Xunit;

namespace TechTies.Tests.Graph;

public class NodeOrderTests
{
    [Property(MaxTest = 300)]
    public void Distinct_numbers_come_out_in_ascending_order_whether_few_or_most_of_the_bound(PositiveInt bound, int seed)
    {
        // Bounds up to a few thousand and shares from none to all of them reach both the comparison sort and the bitmap.
        var random = new Random(seed);
        var size = (bound.Get % 5000) + 1;
        var share = random.NextDouble();
        var numbers = Enumerable.Range(0, size).Where(_ => random.NextDouble() < share).OrderBy(_ => random.Next()).ToArray();
        var expected = numbers.Order().ToArray();

        NodeOrder.SortDistinct(numbers, size);

        Assert.Equal(expected, numbers);
    }

    [Fact]
    public void A_sort_leaves_no_marks_behind_for_the_next_sort_on_the_thread()
    {
        var all = Enumerable.Range(0, 1000).Reverse().ToArray();
        var evens = Enumerable.Range(0, 500).Select(i => 998 - (2 * i)).ToArray();

        NodeOrder.SortDistinct(all, 1000);
        NodeOrder.SortDistinct(evens, 1000);

        Assert.Equal(Enumerable.Range(0, 1000), all);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => 2 * i), evens);
    }

    [Property(MaxTest = 200)]
    public void Marking_many_nodes_at_once_counts_those_not_marked_before(int[] earlier, int[] now)
    {
        const int Nodes = 50;
        var marks = VisitMarks.Start(Nodes);
        var before = earlier.Select(n => Math.Abs(n % Nodes)).ToHashSet();
        foreach (var node in before)
        {
            marks.Mark(node);
        }

        var batch = now.Select(n => Math.Abs(n % Nodes)).ToArray();

        var added = marks.MarkAll(batch);

        Assert.Equal(batch.Distinct().Count(n => !before.Contains(n)), added);
        Assert.All(Enumerable.Range(0, Nodes), n => Assert.Equal(before.Contains(n) || batch.Contains(n), marks.IsMarked(n)));
    }
}
