namespace PaymentEvents.Protocol.Query;

/// <summary>
/// A port of qs 6.17 <c>lib/utils.js</c> (<c>merge</c>, <c>combine</c>, <c>arrayToObject</c>,
/// <c>compact</c>) with the default parse options (arrayLimit 20, strictMerge, no prototypes).
/// The shapes it produces decide array order, so it follows the JavaScript step by step.
/// </summary>
internal static class QsMerge
{
    public const int ArrayLimit = 20;

    public static QsObject ArrayToObject(QsArray source)
    {
        var obj = new QsObject();
        for (var i = 0; i < source.Length; i++)
        {
            var item = source.Items[i];
            if (item is not null && item != QsValue.Undefined)
            {
                obj.Set(QsNumbers.ToKey(i), item);
            }
        }

        return obj;
    }

    /// <summary><c>[].concat(a, b)</c>: arrays are spread (holes kept), anything else appended.</summary>
    public static QsArray Concat(QsValue? a, QsValue? b)
    {
        var result = new QsArray();
        foreach (var part in (ReadOnlySpan<QsValue?>)[a, b])
        {
            if (part is QsArray array)
            {
                result.Items.AddRange(array.Items);
            }
            else
            {
                result.Items.Add(part ?? QsValue.Undefined);
            }
        }

        return result;
    }

    public static QsValue Combine(QsValue a, QsValue b)
    {
        if (a is QsObject overflow && overflow.IsOverflow)
        {
            var values = b is QsArray array ? array.Items : [b];
            var index = overflow.OverflowMaxIndex!.Value;
            foreach (var value in values)
            {
                index += 1;
                overflow.Set(QsNumbers.ToKey(index), value ?? QsValue.Undefined);
            }

            overflow.OverflowMaxIndex = index;
            return overflow;
        }

        var result = Concat(a, b);
        if (result.Length > ArrayLimit)
        {
            var obj = ArrayToObject(result);
            obj.OverflowMaxIndex = result.Length - 1;
            return obj;
        }

        return result;
    }

    public static QsValue Merge(QsValue target, QsValue? source)
    {
        if (source is null || source == QsValue.Undefined || source is QsString { IsEmpty: true })
        {
            return target; // if (!source)
        }

        if (source is QsString)
        {
            return MergePrimitive(target, source);
        }

        var src = (QsContainer)source;
        if (target is not QsContainer)
        {
            return MergeIntoPrimitive(target, src);
        }

        QsContainer mergeTarget = (QsContainer)target;
        if (target is QsArray targetArray)
        {
            if (src is QsArray sourceArray)
            {
                return MergeArrays(targetArray, sourceArray);
            }

            var converted = ArrayToObject(targetArray);
            if (targetArray.IsConflict)
            {
                converted.ConflictIndex = targetArray.Length - 1;
            }

            mergeTarget = converted;
        }

        var acc = (QsObject)mergeTarget;
        var sourceKeys = src is QsObject so ? so.Keys() : ArrayKeys((QsArray)src);
        foreach (var key in sourceKeys)
        {
            var value = src is QsObject o ? o.Get(key) : ((QsArray)src).Items[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)]!;
            acc.Set(key, acc.Has(key) ? Merge(acc.Get(key), value) : value);

            if (src.IsOverflow && !acc.IsOverflow)
            {
                acc.OverflowMaxIndex = MaxNumericIndex(acc, src.OverflowMaxIndex!.Value);
            }

            if (acc.IsOverflow && QsNumbers.TryCanonicalInteger(key, out var keyNum) && keyNum >= 0 && keyNum > acc.OverflowMaxIndex!.Value)
            {
                acc.OverflowMaxIndex = keyNum;
            }

            if (acc.IsConflict && QsNumbers.TryCanonicalInteger(key, out var conflictKey) && conflictKey > acc.ConflictIndex!.Value)
            {
                acc.ConflictIndex = conflictKey;
            }
        }

        return acc;
    }

    /// <summary><c>compact</c>: every array reachable from <paramref name="value"/> loses its holes and undefined slots.</summary>
    public static QsValue Compact(QsValue value)
    {
        switch (value)
        {
            case QsArray array:
                var dense = new QsArray();
                foreach (var item in array.Items)
                {
                    if (item is not null && item != QsValue.Undefined)
                    {
                        dense.Items.Add(Compact(item));
                    }
                }

                return dense;
            case QsObject obj:
                foreach (var key in obj.Keys())
                {
                    obj.Set(key, Compact(obj.Get(key)));
                }

                return obj;
            default:
                return value;
        }
    }

    private static QsValue MergePrimitive(QsValue target, QsValue source)
    {
        switch (target)
        {
            case QsArray array:
                var nextIndex = array.Length;
                if (array.CountElements() >= ArrayLimit)
                {
                    var obj = ArrayToObject(Concat(array, source));
                    obj.OverflowMaxIndex = nextIndex;
                    return obj;
                }

                array.Set(nextIndex, source);
                return array;
            case QsObject obj when obj.IsOverflow:
                var newIndex = obj.OverflowMaxIndex!.Value + 1;
                obj.Set(QsNumbers.ToKey(newIndex), source);
                obj.OverflowMaxIndex = newIndex;
                return obj;
            case QsObject obj when obj.IsConflict:
                var nextConflict = obj.ConflictIndex!.Value + 1;
                obj.Set(QsNumbers.ToKey(nextConflict), source);
                obj.ConflictIndex = nextConflict;
                return obj;
            case QsObject obj:
                // strictMerge: an object meeting a primitive keeps both, as a marked pair.
                return new QsArray([obj, source]) { ConflictIndex = 1 };
            default:
                return new QsArray([target, source]); // limitedPair
        }
    }

    private static QsValue MergeIntoPrimitive(QsValue target, QsContainer source)
    {
        if (source is QsObject overflow && overflow.IsOverflow)
        {
            var result = new QsObject();
            result.Set("0", target);
            foreach (var key in overflow.Keys())
            {
                // parseInt(key) + 1; overflow objects only hold numeric keys.
                var parsed = QsNumbers.TryCanonicalInteger(key, out var n) ? n : double.NaN;
                result.Set(QsNumbers.ToKey(parsed + 1), overflow.Get(key));
            }

            result.OverflowMaxIndex = overflow.OverflowMaxIndex!.Value + 1;
            return result;
        }

        var combined = source is QsArray ? Concat(target, source) : new QsArray([target, source]);
        if (combined.Length > ArrayLimit)
        {
            var obj = ArrayToObject(combined);
            obj.OverflowMaxIndex = combined.Length - 1;
            return obj;
        }

        return combined;
    }

    private static QsValue MergeArrays(QsArray target, QsArray source)
    {
        for (var i = 0; i < source.Length; i++)
        {
            var item = source.Items[i];
            if (item is null)
            {
                continue; // forEach skips holes
            }

            if (target.Has(i))
            {
                var targetItem = target.Items[i]!;
                if (targetItem is QsContainer && item is QsContainer)
                {
                    target.Items[i] = Merge(targetItem, item);
                }
                else
                {
                    target.Set(target.Length, item);
                }
            }
            else
            {
                target.Set(i, item);
            }
        }

        if (target.CountElements() > ArrayLimit)
        {
            var obj = ArrayToObject(target);
            obj.OverflowMaxIndex = target.Length - 1;
            return obj;
        }

        return target;
    }

    private static List<string> ArrayKeys(QsArray array)
    {
        var keys = new List<string>();
        for (var i = 0; i < array.Length; i++)
        {
            if (array.Items[i] is not null)
            {
                keys.Add(QsNumbers.ToKey(i));
            }
        }

        return keys;
    }

    private static double MaxNumericIndex(QsObject obj, double min)
    {
        var max = min;
        foreach (var key in obj.Keys())
        {
            if (QsNumbers.TryCanonicalInteger(key, out var n) && n > max)
            {
                max = n;
            }
        }

        return max;
    }
}
