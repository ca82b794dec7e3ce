package syntax

import ()

// ParseOnly parses src (the contents of path) with the grammar Parse would
// use and discards the tree, extracting nothing. It is the floor Parse is
// measured against: the benchmark compares a full ssrlint run with
// ParseOnly over the same files.
func ParseOnly(path string, src []byte) error {
	tree, err := parseTree(path, src)
	if err != nil {
		return err
	}
	tree.Close()
	return nil
}
