package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
)

// ratingWatch is the official's side of the citizens' rating: "Mời đánh giá" asks the counter's
// kiosk to show this official (it is also asked after each intake and return), and the answer
// appears in the top bar when the citizen has tapped it.
type ratingWatch struct {
	u      *ui
	button *widget.Button
	status *widget.Label
	prompt int64 // the prompt being waited for; 0 when none
	asked  time.Time
	stop   chan struct{}
}

// ratingPoll is how often the window looks for the citizen's answer; ratingWait how long it waits.
var (
	ratingPoll = 2 * time.Second
	ratingWait = 30 * time.Minute
)

func newRatingWatch(u *ui) *ratingWatch {
	r := &ratingWatch{u: u, status: widget.NewLabel("")}
	r.button = widget.NewButtonWithIcon(lang.L("Mời đánh giá"), theme.AccountIcon(), func() { r.ask("") })
	r.status.Hide()
	return r
}

// ask prompts this PC's counter's kiosk for the logged-in official, with the dossier just served
// if any. Several counters share one database: the counter is this PC's (counterName).
func (r *ratingWatch) ask(code string) {
	by := r.u.actorLogin()
	if by == "" {
		return
	}
	ctx := context.Background()
	counter := r.u.counterName()
	goAsync(func() {
		p, err := r.u.st.PromptRating(ctx, by, code, counter)
		fyne.Do(func() {
			if err != nil {
				r.show(lang.L("Chưa mời đánh giá được: {{.Err}}", map[string]string{"Err": err.Error()}), widget.WarningImportance)
				return
			}
			r.prompt, r.asked = p.ID, now()
			r.show(lang.L("Chờ đánh giá…"), widget.MediumImportance)
			r.watch()
		})
	})
}

// watch polls for the answer in the background; a new prompt replaces the old watch.
func (r *ratingWatch) watch() {
	if r.stop != nil {
		close(r.stop)
	}
	stop := make(chan struct{})
	r.stop = stop
	go func() {
		t := time.NewTicker(ratingPoll)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				fyne.Do(r.check)
			}
		}
	}()
}

// check looks once for the citizen's answer to the prompt being waited for.
func (r *ratingWatch) check() {
	id := r.prompt
	if id == 0 {
		return
	}
	if now().Sub(r.asked) > ratingWait {
		r.prompt = 0
		r.status.Hide()
		return
	}
	goAsync(func() {
		rating, answered, err := r.u.st.PromptAnswer(context.Background(), id)
		if err != nil || !answered {
			return
		}
		fyne.Do(func() {
			if r.prompt != id {
				return
			}
			r.prompt = 0
			if r.stop != nil {
				close(r.stop)
				r.stop = nil
			}
			imp := widget.SuccessImportance
			if rating.Level == store.LevelDissatisfied {
				imp = widget.DangerImportance
			}
			r.show(lang.L("Đánh giá: {{.Level}}", map[string]string{"Level": store.LevelName(rating.Level)}), imp)
		})
	})
}

// forget stops waiting for the last official's rating and hides its answer.
func (r *ratingWatch) forget() {
	r.prompt = 0
	if r.stop != nil {
		close(r.stop)
		r.stop = nil
	}
	r.status.SetText("")
	r.status.Hide()
}

func (r *ratingWatch) show(text string, imp widget.Importance) {
	r.status.SetText(text)
	r.status.Importance = imp
	r.status.Show()
	r.status.Refresh()
}
