import EHCPAudit

/// A report laid out as blocks (headings, paragraphs, tables, charts) that the text,
/// Markdown and HTML renderers each draw in their own way, so the three always agree.
public enum Block: Sendable, Equatable {
    case title(String)
    case heading(String)
    case paragraph(String)
    case table(Table)
    /// Drawn only in HTML; the table that follows it holds the same data.
    case chart(Chart)
}

public struct Table: Sendable, Equatable {
    public var caption: String
    public var header: [String]
    public var rows: [[String]]
    /// The first column names the row (a `th` in HTML); the others hold figures.
    public init(caption: String, header: [String], rows: [[String]]) {
        self.caption = caption
        self.header = header
        self.rows = rows
    }
}

/// A chart in data terms; the HTML renderer draws it as inline SVG.
public enum Chart: Sendable, Equatable {
    /// One bar per label, split into shares (0–1) of named parts; nil where withheld.
    case stackedBars(title: String, summary: String, labels: [String], parts: [String], shares: [[Double]?])
    /// A share per label with its 95% interval as a band; nil where withheld.
    case shareWithBand(title: String, summary: String, labels: [String], points: [BandPoint?])
    /// One horizontal bar per label, a share from 0 to 1; nil where withheld.
    case bars(title: String, summary: String, labels: [String], shares: [Double?])
    /// Bland–Altman: each pair's difference against its mean percent, with the mean
    /// difference and the limits of agreement as lines.
    case differences(title: String, summary: String, points: [PlotPoint], mean: Double?, low: Double?, high: Double?)
    /// A control chart: a share per label with its limits (nil where none) and its centre
    /// line; improvement and concern marked as Making Data Count colours them; a chart
    /// started again at `restart` (an index into the points) is drawn in two stretches.
    case control(title: String, summary: String, labels: [String], points: [ControlPoint], restart: Int?)
    /// A funnel plot: each unit's share against its number, the target and the 95% and
    /// 99.8% limits as curves.
    case funnel(title: String, summary: String, funnel: FunnelPlot)
}

/// A point on a plane, for a scatter chart.
public struct PlotPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
}

/// A month of a control chart.
public struct ControlPoint: Sendable, Equatable {
    public var share: Double
    public var lower: Double?
    public var upper: Double?
    /// The centre line of the month's stretch (a chart started again has two).
    public var centre: Double
    /// Special-cause variation in the better direction, or in the worse.
    public var improvement: Bool
    public var concern: Bool
}

/// A share with its interval, for a chart.
public struct BandPoint: Sendable, Equatable {
    public var share: Double
    public var low: Double
    public var high: Double
}
