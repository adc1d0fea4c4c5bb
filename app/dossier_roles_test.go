package app

import (
	"context"
	"reflect"
	"sort"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"motcua/store"
)

// dossierStates brings one dossier to each state an official meets: every status the counter's
// steps reach, with and without a handover waiting for its receiver.
func dossierStates(t *testing.T, s *store.Store) map[string]store.Dossier {
	t.Helper()
	ctx := context.Background()
	at := func(m int) time.Time { return monday0815.Add(time.Duration(m) * time.Minute) }
	do := func(d store.Dossier, by string, m int, f func(store.Action) (store.Dossier, error)) store.Dossier {
		t.Helper()
		d, err := f(store.Action{Code: d.Code, By: by, At: at(m)})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	hand := func(to string) func(store.Action) (store.Dossier, error) {
		return func(a store.Action) (store.Dossier, error) { return s.Handover(ctx, a, to) }
	}
	confirm := func(a store.Action) (store.Dossier, error) { return s.ConfirmHandover(ctx, a) }
	out := map[string]store.Dossier{}
	out["received"] = receiveDirect(t, s, "Nguyễn Văn Một")
	out["pending"] = do(receiveDirect(t, s, "Nguyễn Văn Hai"), counterLogin, 1, hand("tuphap"))
	proc := do(do(receiveDirect(t, s, "Nguyễn Văn Ba"), counterLogin, 1, hand("tuphap")), "tuphap", 2, confirm)
	out["processing"] = proc
	out["supplement"] = do(do(do(receiveDirect(t, s, "Nguyễn Văn Bốn"), counterLogin, 1, hand("tuphap")), "tuphap", 2, confirm), "tuphap", 3,
		func(a store.Action) (store.Dossier, error) {
			return s.RequestSupplement(ctx, a, store.Supplement{Missing: []store.ReceivedDocument{{Name: "Sổ hộ khẩu"}}, Reason: "Thiếu"})
		})
	res := resolved(t, s, "Nguyễn Văn Năm")
	out["resolved"] = res
	out["resolved-pending"] = do(resolved(t, s, "Nguyễn Văn Sáu"), "tuphap", 4, hand(counterLogin))
	out["returned"] = do(resolved(t, s, "Nguyễn Văn Bảy"), counterLogin, 5,
		func(a store.Action) (store.Dossier, error) { return s.Return(ctx, a, store.Recipient{}) })
	out["refused"] = do(receiveDirect(t, s, "Nguyễn Văn Tám"), counterLogin, 1,
		func(a store.Action) (store.Dossier, error) { return s.Refuse(ctx, a, "Không thuộc thẩm quyền") })
	out["rescheduled"] = do(receiveDirect(t, s, "Nguyễn Văn Chín"), counterLogin, 1,
		func(a store.Action) (store.Dossier, error) { return s.Reschedule(ctx, a, 2, "Cần xác minh", "") })
	out["stopped"] = do(proc, "tuphap", 3,
		func(a store.Action) (store.Dossier, error) { return s.Stop(ctx, a, "Người yêu cầu đã mất") })
	out["processing"] = do(do(receiveDirect(t, s, "Nguyễn Văn Mười"), counterLogin, 1, hand("tuphap")), "tuphap", 2, confirm)
	return out
}

// TestDossierWindowOffersWhatTheStorePermits opens every state's dossier as every role: the
// buttons are exactly the steps the store permits that official, no more (a counter official
// is not offered "Đã xử lý xong" to be refused after filling the form) and no fewer.
func TestDossierWindowOffersWhatTheStorePermits(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	now = func() time.Time { return monday0815.Add(time.Hour) }
	states := dossierStates(t, s)
	ctx := context.Background()
	for _, login := range []string{"tiepnhan1", "tuphap", "chutich", "admin"} {
		loginAs(t, u, login)
		me, _ := u.actor()
		for name, d0 := range states {
			d, err := s.Dossier(ctx, login, d0.Code)
			if err != nil {
				t.Fatal(err)
			}
			u.openDossier(d)
			var got []string
			for a, b := range u.detail.actions {
				if !b.Visible() || b.Disabled() || !containsObject(u.detail.body, b) {
					t.Errorf("%s/%s: button %s is not usable on screen", login, name, a)
				}
				got = append(got, string(a))
			}
			var want []string
			for _, a := range store.AllowedActions(me, d) {
				want = append(want, string(a))
			}
			sort.Strings(got)
			sort.Strings(want)
			if len(got) == 0 {
				got = nil
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s on %s (status %d, pending %q): buttons %v, store permits %v", login, name, d.Status, d.PendingTo, got, want)
			}
			u.detail.dlg.Hide()
		}
	}
	// What the issue saw, said plainly: a counter official on a dossier handed to tuphap.
	loginAs(t, u, "tiepnhan1")
	u.openDossier(states["pending"])
	for _, a := range []store.Act{store.ActConfirm, store.ActResolve, store.ActStop, store.ActHandover} {
		if u.detail.actions[a] != nil {
			t.Errorf("the counter official is offered %q on a dossier waiting for tuphap", a)
		}
	}
}

// containsObject tells whether o is somewhere in the tree under root.
func containsObject(root, o fyne.CanvasObject) bool {
	if root == o {
		return true
	}
	switch w := root.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			if containsObject(c, o) {
				return true
			}
		}
	case fyne.Widget:
		r := test.WidgetRenderer(w)
		for _, c := range r.Objects() {
			if containsObject(c, o) {
				return true
			}
		}
	}
	return false
}
