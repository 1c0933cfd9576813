// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Bench;

/// <summary>The timings of one measure, in seconds: their median, smallest and largest (NaN while there are none).</summary>
internal sealed class Samples
{
    private readonly List<double> values = [];

    public int Count => this.values.Count;

    public double Min => this.Count == 0 ? double.NaN : this.values.Min();

    public double Max => this.Count == 0 ? double.NaN : this.values.Max();

    public double Median
    {
        get
        {
            if (this.Count == 0)
            {
                return double.NaN;
            }

            var sorted = this.values.Order().ToList();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public void Add(double seconds) => this.values.Add(seconds);
}
