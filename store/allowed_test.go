package store

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// TestAllowedIsWhatTheStoreDoes checks the one rule the window shows its buttons by against the
// store itself: for every role, every reachable status (with and without a handover waiting)
// and every action, Allowed says yes exactly when the step succeeds.
func TestAllowedIsWhatTheStoreDoes(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	type state struct {
		status  Status
		pending bool
	}
	var states []state
	for _, st := range []Status{StatusReceived, StatusRefused, StatusProcessing, StatusSupplement, StatusWithdrawn, StatusStopped, StatusResolved, StatusReturned} {
		states = append(states, state{st, false})
		if st == StatusProcessing || st == StatusSupplement || st == StatusResolved {
			states = append(states, state{st, true})
		}
	}
	for _, role := range []Role{RoleCounter, RoleProcessing, RoleLeader, RoleAdmin} {
		by, err := s.Official(ctx, roleLogins[role])
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range states {
			for _, action := range Actions {
				t.Run(fmt.Sprintf("%s/%d-%v/%s", role, st.status, st.pending, action), func(t *testing.T) {
					d, last := dossierIn(t, s, st.status, st.pending)
					target := "tiepnhan2"
					if d.Holder == target {
						target = "tuphap"
					}
					allowed := Allowed(by, d, action)
					_, err := perform(ctx, s, action, Action{Code: d.Code, By: by.Login, At: last.Add(30 * time.Minute)}, target)
					if (allowed == nil) != (err == nil) {
						t.Fatalf("Allowed = %v, but the store said %v", allowed, err)
					}
				})
			}
		}
	}
}

// TestAllowedActionsFollowTheDossier names the rules a role alone does not show.
func TestAllowedActionsFollowTheDossier(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	counter, _ := s.Official(ctx, "tiepnhan1")
	proc, _ := s.Official(ctx, "tuphap")
	d, _ := dossierIn(t, s, StatusProcessing, true) // handed to tuphap, not yet confirmed
	has := func(list []Act, a Act) bool {
		for _, x := range list {
			if x == a {
				return true
			}
		}
		return false
	}
	if got := AllowedActions(counter, d); has(got, ActConfirm) || has(got, ActResolve) || has(got, ActStop) || has(got, ActHandover) {
		t.Errorf("counter official on a dossier handed to someone else: %v", got)
	}
	if got := AllowedActions(proc, d); !has(got, ActConfirm) || has(got, ActHandover) {
		t.Errorf("the receiver: %v, want confirm and no handover", got)
	}
	d.Rescheduled = true
	if has(AllowedActions(proc, d), ActReschedule) {
		t.Error("a dossier rescheduled once offers a second reschedule")
	}
}
