package desk

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"

	"motcua/print"
	"motcua/print/printer"
	"motcua/store/workday"
)

// mediaBox is the page size gofpdf writes for the document (and for a page that differs).
var mediaBox = regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`)

// pdfIsA5 tells the slips (A5, 419.53 pt wide) from the A4 documents by their page size, so that
// any PDF the counter prints gets the paper set for its kind without the caller naming it.
func pdfIsA5(path string) bool {
	b, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	m := mediaBox.FindSubmatch(b)
	if m == nil {
		return false
	}
	w, _ := strconv.ParseFloat(string(m[1]), 64)
	h, _ := strconv.ParseFloat(string(m[2]), 64)
	return min(w, h) < 500 // A5 is 419.53 pt on its short side, A4 595.28
}

// sendPrinting is the counter's default sender: the paper of the PDF's kind from the print
// settings ("-o media=A5" on CUPS), or the PDF opened in the viewer when the agency chose
// "Mở PDF thay vì in".
func (d *Desk) sendPrinting(ctx context.Context, path, printerName string) error {
	p, err := d.Store.Printing(ctx)
	if err != nil {
		return err
	}
	if p.OpenInstead {
		return d.open(path)
	}
	media := p.BookPaper
	if pdfIsA5(path) {
		media = p.SlipPaper
	}
	return d.sendWith(ctx, path, printerName, printer.Options{Media: media})
}

// TestPage draws the printer test page on paper "A5" or "A4" with the agency's header and
// writes it to the data folder, returning its path; Print sends it like any slip.
func (d *Desk) TestPage(ctx context.Context, paper string) (string, error) {
	ag, err := d.Store.Agency(ctx)
	if err != nil {
		return "", err
	}
	pdf, err := print.TestPagePDF(header(ag), paper, time.Now().In(workday.Loc))
	if err != nil {
		return "", err
	}
	path := filepath.Join(d.Dir, "trang-in-thu-"+paper+".pdf")
	if err := writeFileAtomic(path, pdf); err != nil {
		return "", fmt.Errorf("không ghi được tệp %s: %w", path, err)
	}
	return path, nil
}

// PrintOn sends a PDF to the named printer, or to the agency's printer when name is empty.
func (d *Desk) PrintOn(ctx context.Context, path, name string) error {
	if name == "" {
		return d.Print(ctx, path)
	}
	return d.send(ctx, path, name)
}
