import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import SaveIcon from '@mui/icons-material/Save';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  CircularProgress,
  FormControlLabel,
  IconButton,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import type { SafetyScreenView } from '@trellis/contracts';
import { MAX_OPTIONS, type Prompt, SAFETY_SCREEN_MAX_QUESTIONS, type SafetyScreenQuestion } from '@trellis/domain';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { HttpError, Link, Title, useNotify, usePermissions } from 'react-admin';
import { errorMessage, submissionErrors, type FormErrors } from '../data/formErrors';
import { callApi } from '../data/api';
import {
  concerningSummary,
  draftOf,
  errorsAfterEdit,
  previewPrompts,
  requestOf,
  type SafetyScreenDraft,
  screenProblems,
  starterDraft,
} from './safetyScreen';

type Loaded =
  { state: 'loading' } | { state: 'ready'; saved: SafetyScreenView | null } | { state: 'failed'; message: string };

/** The check-in as a partner's phone shows it, with the answers that pause joint work marked. */
const ScreenPreview = ({ prompts }: { prompts: readonly Prompt[] }) => {
  const concerning = new Set(
    prompts.flatMap((p) =>
      p.kind === 'single_choice' ? p.options.filter((o) => o.concerning).map((o) => `${p.id}/${o.id}`) : [],
    ),
  );
  return (
    <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0, maxWidth: 560 }}>
      {prompts.map((prompt, index) => (
        <Box
          component="li"
          key={prompt.id}
          sx={{ py: 1.5, borderTop: 1, borderColor: 'divider', '&:first-of-type': { borderTop: 0 } }}
        >
          <Typography sx={{ fontWeight: 500 }}>
            {index + 1}. {prompt.label}
            <Typography component="span" color="text.secondary">
              {prompt.required ? '' : ' (optional)'} · only for the counselor
            </Typography>
          </Typography>
          {prompt.kind === 'single_choice' ? (
            <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, mt: 1 }}>
              {prompt.options.map((option) => (
                <Box component="li" key={option.id} sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.25 }}>
                  <RadioButtonUncheckedIcon fontSize="small" color="action" aria-hidden />
                  <Typography>{option.label}</Typography>
                  {concerning.has(`${prompt.id}/${option.id}`) && (
                    <Chip size="small" color="warning" variant="outlined" label="Concerning" />
                  )}
                </Box>
              ))}
            </Box>
          ) : (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              Answered in their own words; never judged by Trellis.
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
};

interface QuestionEditorProps {
  index: number;
  question: SafetyScreenQuestion;
  errors: FormErrors;
  onChange: (question: SafetyScreenQuestion) => void;
  onRemove: (() => void) | undefined;
}

const QuestionEditor = ({ index, question, errors, onChange, onRemove }: QuestionEditorProps) => {
  const at = `questions.${index}`;
  const setOption = (optionIndex: number, change: Partial<SafetyScreenQuestion['options'][number]>) =>
    onChange({
      ...question,
      options: question.options.map((option, i) => (i === optionIndex ? { ...option, ...change } : option)),
    });
  return (
    <Card variant="outlined" component="fieldset" sx={{ p: 2, m: 0 }}>
      <Typography component="legend" sx={{ px: 0.5, fontWeight: 500 }}>
        Question {index + 1}
      </Typography>
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField
            label="Question"
            value={question.label}
            onChange={(event) => onChange({ ...question, label: event.target.value })}
            error={Boolean(errors[`${at}.label`])}
            helperText={errors[`${at}.label`]}
            required
            fullWidth
            slotProps={{ htmlInput: { maxLength: 300 } }}
          />
          {onRemove && (
            <IconButton aria-label={`Remove question ${index + 1}`} onClick={onRemove}>
              <DeleteIcon />
            </IconButton>
          )}
        </Stack>
        {question.options.map((option, optionIndex) => {
          const optionAt = `${at}.options.${optionIndex}`;
          return (
            <Stack key={optionIndex} direction="row" spacing={1} sx={{ alignItems: 'center', pl: 2 }}>
              <TextField
                size="small"
                label={`Answer ${optionIndex + 1}`}
                value={option.label}
                onChange={(event) => setOption(optionIndex, { label: event.target.value })}
                error={Boolean(errors[`${optionAt}.label`])}
                helperText={errors[`${optionAt}.label`]}
                required
                fullWidth
                slotProps={{ htmlInput: { maxLength: 300 } }}
              />
              <FormControlLabel
                control={
                  <Checkbox
                    checked={option.concerning}
                    onChange={(event) => setOption(optionIndex, { concerning: event.target.checked })}
                    // Every answer has one: a screen reader hears which answer it marks, not just "Concerning".
                    slotProps={{
                      input: { 'aria-label': `Concerning: answer ${optionIndex + 1} of question ${index + 1}` },
                    }}
                  />
                }
                label="Concerning"
                sx={{ whiteSpace: 'nowrap' }}
              />
              <IconButton
                aria-label={`Remove answer ${optionIndex + 1} of question ${index + 1}`}
                disabled={question.options.length <= 2}
                onClick={() => onChange({ ...question, options: question.options.filter((_, i) => i !== optionIndex) })}
              >
                <DeleteIcon />
              </IconButton>
            </Stack>
          );
        })}
        {errors[`${at}.options`] && (
          <Typography color="error" variant="body2" role="alert">
            {errors[`${at}.options`]}
          </Typography>
        )}
        <Box>
          <Button
            startIcon={<AddIcon />}
            disabled={question.options.length >= MAX_OPTIONS}
            onClick={() => onChange({ ...question, options: [...question.options, { label: '', concerning: false }] })}
          >
            Add an answer
          </Button>
        </Box>
      </Stack>
    </Card>
  );
};

/**
 * `/#/clinic/safety-screen`, administrators only: the clinic's own safety screen, sent instead of
 * Trellis's check-in when the clinic settings choose it. Every question is a single choice whose
 * concerning answers pause the couple's joint work and alert the therapist; the preview shows the
 * partner's page with those answers marked. Saving new questions makes a new version: check-ins
 * already sent keep theirs.
 */
export const SafetyScreenPage = () => {
  const { permissions, isPending: permissionsPending } = usePermissions();
  const notify = useNotify();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [draft, setDraft] = useState<SafetyScreenDraft>(starterDraft);
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const isAdmin = permissions === 'admin';

  useEffect(() => {
    if (!isAdmin) return;
    let current = true;
    setLoaded({ state: 'loading' });
    callApi('get', '/clinic/safety-screen', { params: {} }).then(
      (json) => {
        if (!current) return;
        setLoaded({ state: 'ready', saved: json });
        setDraft(draftOf(json));
      },
      (error: unknown) => {
        if (!current) return;
        // None yet: the editor starts from Trellis's own check-in.
        if (error instanceof HttpError && error.status === 404) setLoaded({ state: 'ready', saved: null });
        else setLoaded({ state: 'failed', message: errorMessage(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [isAdmin, attempt]);

  const request = useMemo(() => requestOf(draft), [draft]);
  const prompts = useMemo(() => previewPrompts(request), [request]);
  // Once a save has shown problems, they follow the form: a fixed field loses its message at once.
  useEffect(() => setErrors((shown) => errorsAfterEdit(shown, request)), [request]);

  const setQuestions = (questions: SafetyScreenQuestion[]) => setDraft((current) => ({ ...current, questions }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = screenProblems(request);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      const json = await callApi('put', '/clinic/safety-screen', { params: {}, body: request });
      setLoaded({ state: 'ready', saved: json });
      setDraft(draftOf(json));
      notify(json.inUse ? 'Safety screen saved: the next check-ins send it.' : 'Safety screen saved.', {
        type: 'success',
      });
    } catch (error) {
      const fieldErrors = submissionErrors(error);
      if (fieldErrors) setErrors(fieldErrors);
      else notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  if (permissionsPending) return <CircularProgress sx={{ m: 3 }} aria-label="Loading" />;
  if (!isAdmin) {
    return (
      <Alert severity="info" sx={{ mt: 2, maxWidth: 720 }}>
        The clinic’s safety screen is for administrators. Ask one of your clinic’s administrators to change it.
      </Alert>
    );
  }

  const saved = loaded.state === 'ready' ? loaded.saved : null;
  const summary = prompts ? concerningSummary(prompts) : [];
  return (
    <Box sx={{ mt: 2, maxWidth: 960 }}>
      <Title title="Clinic safety screen" />
      <Typography component="h1" variant="h5" gutterBottom>
        Clinic safety screen
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2, maxWidth: 760 }}>
        A screen in your clinic’s own words, sent to each partner alone instead of Trellis’s private check-in once you
        choose it in <Link to="/clinic">Clinic settings</Link>. Only the counselor reads the answers. Any answer you
        mark concerning pauses the couple’s joint work and alerts their therapist, exactly as Trellis’s check-in does.
      </Typography>
      {loaded.state === 'loading' && <CircularProgress aria-label="Loading the safety screen" />}
      {loaded.state === 'failed' && (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </Button>
          }
        >
          {loaded.message}
        </Alert>
      )}
      {loaded.state === 'ready' && (
        <Box component="form" onSubmit={submit} noValidate>
          <Alert severity={saved?.inUse ? 'success' : 'info'} sx={{ mb: 2 }}>
            {saved === null
              ? 'Your clinic has no screen of its own yet. This one starts from Trellis’s check-in: change it to your screen’s wording.'
              : saved.inUse
                ? `Version ${saved.version} is what your clinic’s check-ins send now. Saving new questions makes a new version; check-ins already sent keep theirs.`
                : `Version ${saved.version} is saved, but your clinic still sends Trellis’s check-in: choose this screen in Clinic settings.`}
          </Alert>
          <Card sx={{ mb: 2 }}>
            <CardContent>
              <Stack spacing={2}>
                <TextField
                  label="Title"
                  value={draft.title}
                  onChange={(event) => setDraft((current) => ({ ...current, title: event.target.value }))}
                  error={Boolean(errors.title)}
                  helperText={errors.title ?? 'What partners see at the top of the page and in the homework list.'}
                  required
                  fullWidth
                  slotProps={{ htmlInput: { maxLength: 200 } }}
                />
                <TextField
                  label="Instructions"
                  value={draft.instructions}
                  onChange={(event) => setDraft((current) => ({ ...current, instructions: event.target.value }))}
                  error={Boolean(errors.instructions)}
                  helperText={errors.instructions ?? 'Shown above the questions.'}
                  required
                  multiline
                  minRows={2}
                  fullWidth
                />
                {draft.questions.map((question, index) => (
                  <QuestionEditor
                    key={index}
                    index={index}
                    question={question}
                    errors={errors}
                    onChange={(changed) => setQuestions(draft.questions.map((q, i) => (i === index ? changed : q)))}
                    onRemove={
                      draft.questions.length > 1
                        ? () => setQuestions(draft.questions.filter((_, i) => i !== index))
                        : undefined
                    }
                  />
                ))}
                {errors.questions && (
                  <Typography color="error" variant="body2" role="alert">
                    {errors.questions}
                  </Typography>
                )}
                <Box>
                  <Button
                    startIcon={<AddIcon />}
                    disabled={draft.questions.length >= SAFETY_SCREEN_MAX_QUESTIONS}
                    onClick={() =>
                      setQuestions([
                        ...draft.questions,
                        {
                          label: '',
                          options: [
                            { label: '', concerning: false },
                            { label: '', concerning: true },
                          ],
                        },
                      ])
                    }
                  >
                    Add a question
                  </Button>
                </Box>
                <FormControlLabel
                  control={
                    <Switch
                      checked={draft.freeTextOn}
                      onChange={(event) => setDraft((current) => ({ ...current, freeTextOn: event.target.checked }))}
                    />
                  }
                  label="End with a question answered in their own words"
                />
                {draft.freeTextOn && (
                  <TextField
                    label="Free-text question"
                    value={draft.freeTextQuestion}
                    onChange={(event) => setDraft((current) => ({ ...current, freeTextQuestion: event.target.value }))}
                    error={Boolean(errors.freeTextQuestion)}
                    helperText={
                      errors.freeTextQuestion ?? 'Optional for the partner; Trellis never judges what they write.'
                    }
                    required
                    fullWidth
                    slotProps={{ htmlInput: { maxLength: 300 } }}
                  />
                )}
              </Stack>
            </CardContent>
          </Card>
          <Card sx={{ mb: 2 }}>
            <CardContent>
              <Typography component="h2" variant="h6" gutterBottom>
                Preview
              </Typography>
              {prompts ? (
                <>
                  <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                    Partners see the questions and answers; the “Concerning” marks are for you only.
                  </Typography>
                  <Box component="ul" sx={{ mt: 0, mb: 2 }} aria-label="Answers that pause joint work">
                    {summary.map(({ question, answers }) => (
                      <li key={question}>
                        <Typography variant="body2">
                          {question}{' '}
                          <strong>
                            {answers.length ? `pauses on: ${answers.join(', ')}` : 'never pauses on its own'}
                          </strong>
                        </Typography>
                      </li>
                    ))}
                  </Box>
                  <Typography sx={{ fontWeight: 500 }}>{request.title}</Typography>
                  <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                    {request.instructions}
                  </Typography>
                  <ScreenPreview prompts={prompts} />
                </>
              ) : (
                <Typography color="text.secondary">The preview shows once every question is complete.</Typography>
              )}
            </CardContent>
          </Card>
          <Stack direction="row" spacing={3} sx={{ alignItems: 'center' }}>
            <Button type="submit" variant="contained" startIcon={<SaveIcon />} disabled={busy}>
              Save safety screen
            </Button>
            <Link to="/clinic">Back to clinic settings</Link>
          </Stack>
        </Box>
      )}
    </Box>
  );
};
