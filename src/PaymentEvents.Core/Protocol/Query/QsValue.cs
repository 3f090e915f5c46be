namespace PaymentEvents.Protocol.Query;

/// <summary>
/// The JavaScript values <c>qs.parse</c> produces with its default options: strings, arrays that
/// may be sparse, and plain objects whose keys enumerate in JavaScript order. <c>null</c> in an
/// array slot is a hole; <see cref="Undefined"/> is an explicit <c>undefined</c>.
/// </summary>
internal abstract class QsValue
{
    public static readonly QsValue Undefined = new QsUndefined();

    private sealed class QsUndefined : QsValue;
}

internal sealed class QsString(string value) : QsValue
{
    public string Value { get; } = value;

    /// <summary>JavaScript truthiness: the empty string is falsy (qs's <c>if (!source)</c>).</summary>
    public bool IsEmpty => Value.Length == 0;
}

/// <summary>Arrays and objects share qs's side-channel marks (overflow and strict-merge conflict).</summary>
internal abstract class QsContainer : QsValue
{
    /// <summary>qs <c>markOverflow</c>: the object stands for an array past <c>arrayLimit</c>; value is the max index.</summary>
    public double? OverflowMaxIndex { get; set; }

    /// <summary>qs <c>markConflict</c>: a strict-merge conflict wrapper; value is its max index.</summary>
    public double? ConflictIndex { get; set; }

    public bool IsOverflow => OverflowMaxIndex.HasValue;

    public bool IsConflict => ConflictIndex.HasValue;
}

internal sealed class QsArray : QsContainer
{
    public QsArray()
    {
    }

    public QsArray(IEnumerable<QsValue?> items) => Items.AddRange(items);

    public List<QsValue?> Items { get; } = [];

    public int Length => Items.Count;

    /// <summary><c>hasOwnProperty(i)</c>: in range and not a hole.</summary>
    public bool Has(int index) => index < Items.Count && Items[index] is not null;

    /// <summary><c>arr[index] = value</c>, growing with holes like a JavaScript array.</summary>
    public void Set(int index, QsValue value)
    {
        while (Items.Count <= index)
        {
            Items.Add(null);
        }

        Items[index] = value;
    }

    /// <summary>Own elements (holes excluded), as <c>countElements</c> counts them.</summary>
    public int CountElements()
    {
        var n = 0;
        foreach (var item in Items)
        {
            if (item is not null)
            {
                n++;
            }
        }

        return n;
    }
}

internal sealed class QsObject : QsContainer
{
    private readonly Dictionary<string, QsValue> _values = new(StringComparer.Ordinal);
    private readonly List<string> _insertionOrder = [];

    public int Count => _values.Count;

    public bool Has(string key) => _values.ContainsKey(key);

    public QsValue Get(string key) => _values.TryGetValue(key, out var v) ? v : QsValue.Undefined;

    public void Set(string key, QsValue value)
    {
        if (_values.TryAdd(key, value))
        {
            _insertionOrder.Add(key);
        }
        else
        {
            _values[key] = value;
        }
    }

    /// <summary><c>Object.keys</c> order: array-index keys ascending, then the others as inserted.</summary>
    public List<string> Keys()
    {
        var indices = new List<(uint Index, string Key)>();
        var others = new List<string>();
        foreach (var key in _insertionOrder)
        {
            if (QsNumbers.TryArrayIndex(key, out var index))
            {
                indices.Add((index, key));
            }
            else
            {
                others.Add(key);
            }
        }

        indices.Sort((a, b) => a.Index.CompareTo(b.Index));
        var keys = new List<string>(_insertionOrder.Count);
        foreach (var (_, key) in indices)
        {
            keys.Add(key);
        }

        keys.AddRange(others);
        return keys;
    }
}
