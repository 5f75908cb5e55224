using System.Globalization;

namespace WijPlatform.Matching.Model;

public sealed record PostcodeArea(int Pc4, double Latitude, double Longitude, string Place, string Area);

/// <summary>
/// The PC4 areas the service covers, with a centroid each. The shipped table
/// (Data/pc4.csv) holds Groningen and Zeist with approximate coordinates; distances are
/// great-circle distances between centroids, so two addresses in one area are 0 km apart.
/// </summary>
public sealed class PostcodeMap
{
    private readonly Dictionary<int, int> _indexByPc4 = [];
    private readonly (int Area, double Km)[][] _reachable;

    public PostcodeMap(IEnumerable<PostcodeArea> areas)
    {
        Areas = areas.ToArray();
        for (var i = 0; i < Areas.Count; i++)
        {
            _indexByPc4[Areas[i].Pc4] = i;
        }
        // Every ranking walks the areas around a request nearest first; the map never changes, so the
        // walk is worked out once here instead of once per ranking (it was a twentieth of matching's CPU per message).
        _reachable = new (int, double)[Areas.Count][];
        for (var from = 0; from < Areas.Count; from++)
        {
            _reachable[from] = Enumerable.Range(0, Areas.Count)
                .Select(to => (Area: to, Km: DistanceKm(from, to)))
                .Where(a => a.Km <= TravelModes.FurthestKm)
                .OrderBy(a => a.Km)
                .ToArray();
        }
    }

    public IReadOnlyList<PostcodeArea> Areas { get; }

    public static PostcodeMap Shipped { get; } = Load();

    /// <summary>The position of a PC4 area in <see cref="Areas"/>, or -1 outside the service area.</summary>
    public int IndexOf(int pc4) => _indexByPc4.TryGetValue(pc4, out var index) ? index : -1;

    public int IndexOf(string postcode) => postcode.Length >= 4 && int.TryParse(postcode.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var pc4) ? IndexOf(pc4) : -1;

    public PostcodeArea? Find(string postcode) => IndexOf(postcode) is var i and >= 0 ? Areas[i] : null;

    public double DistanceKm(int fromIndex, int toIndex) => Haversine(Areas[fromIndex], Areas[toIndex]);

    /// <summary>The areas any volunteer can reach from the area at <paramref name="fromIndex"/> (within <see cref="TravelModes.FurthestKm"/>), nearest first.</summary>
    public ReadOnlySpan<(int Area, double Km)> Reachable(int fromIndex) => _reachable[fromIndex];

    /// <summary>The PC4 areas (as text, "9718") any volunteer can reach from the postcode's area; none for a postcode not in the table.</summary>
    public IReadOnlyList<string> ReachableAreas(string postcode)
    {
        if (IndexOf(postcode) is not (var from and >= 0))
        {
            return [];
        }
        var areas = new List<string>();
        foreach (var (area, _) in Reachable(from))
        {
            areas.Add(Areas[area].Pc4.ToString(CultureInfo.InvariantCulture));
        }
        return areas;
    }

    public static double Haversine(PostcodeArea a, PostcodeArea b)
    {
        const double EarthRadiusKm = 6371.0;
        var dLat = Radians(b.Latitude - a.Latitude);
        var dLon = Radians(b.Longitude - a.Longitude);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                Math.Cos(Radians(a.Latitude)) * Math.Cos(Radians(b.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    public static PostcodeMap Parse(TextReader csv)
    {
        var areas = new List<PostcodeArea>();
        csv.ReadLine();
        while (csv.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            var f = line.Split(',');
            areas.Add(new PostcodeArea(int.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture), f[3], f[4]));
        }
        return new PostcodeMap(areas);
    }

    private static PostcodeMap Load()
    {
        using var stream = typeof(PostcodeMap).Assembly.GetManifestResourceStream("WijPlatform.Matching.Data.pc4.csv")
            ?? throw new InvalidOperationException("The postcode table Data/pc4.csv is not embedded.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
