package syntax

import (
	"reflect"
	"testing"
)

// fill sets every field reachable from v to a non-zero value, with two
// elements in each slice and map, so that a field the generated MessagePack
// code does not know about (summary_gen.go is stale: run `make generate`)
// is lost in the round trip below.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), n)
			}
		}
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := 0; i < 2; i++ {
			fill(s.Index(i), n)
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for i := 0; i < 2; i++ {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			fill(k, n)
			fill(e, n)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), n)
		v.Set(p)
	case reflect.String:
		v.SetString("s" + string(rune('a'+*n%26)))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(*n))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(*n % 200))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(*n) + 0.5)
	default:
		panic("fill: unhandled kind " + v.Kind().String())
	}
}

func TestSummaryRoundTrip(t *testing.T) {
	var in Summary
	n := 0
	fill(reflect.ValueOf(&in).Elem(), &n)
	b, err := in.MarshalMsg(nil)
	if err != nil {
		t.Fatal(err)
	}
	var out Summary
	rest, err := out.UnmarshalMsg(b)
	if err != nil || len(rest) != 0 {
		t.Fatalf("UnmarshalMsg: %v, %d bytes left", err, len(rest))
	}
	if !reflect.DeepEqual(in, out) {
		t.Errorf("the round trip changed the summary: summary_gen.go is stale; run `make generate`")
	}
	// Damaged input is an error, never a panic.
	for i := 0; i < len(b); i += 7 {
		var s Summary
		_, _ = s.UnmarshalMsg(b[:i])
	}
}
