import CheckBoxOutlineBlankIcon from '@mui/icons-material/CheckBoxOutlineBlank';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import { Box, Typography } from '@mui/material';
import { audienceOf, type ChoiceOption, type Prompt, type ScalePrompt } from '@trellis/domain';
import { checklistHint, lengthHint } from './exerciseLabels';

/** The numbers of a scale as a row of round buttons, the ends labelled: how the phone shows it. */
export const ScalePreview = ({ prompt }: { prompt: ScalePrompt }) => {
  const numbers = Array.from({ length: prompt.max - prompt.min + 1 }, (_, i) => prompt.min + i);
  return (
    <Box>
      <Box
        aria-label={`A scale from ${prompt.min} (${prompt.minLabel}) to ${prompt.max} (${prompt.maxLabel})`}
        role="img"
        sx={{ display: 'flex', gap: 0.5, flexWrap: 'nowrap', overflowX: 'auto' }}
      >
        {numbers.map((n) => (
          <Box
            key={n}
            aria-hidden
            sx={{
              flex: '1 0 28px',
              maxWidth: 40,
              height: 32,
              border: 1,
              borderColor: 'divider',
              borderRadius: '50%',
              display: 'grid',
              placeItems: 'center',
              fontSize: '0.85rem',
              color: 'text.secondary',
            }}
          >
            {n}
          </Box>
        ))}
      </Box>
      <Box aria-hidden sx={{ display: 'flex', justifyContent: 'space-between', mt: 0.5, gap: 2 }}>
        <Typography variant="caption" color="text.secondary">
          {prompt.min} = {prompt.minLabel}
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ textAlign: 'right' }}>
          {prompt.max} = {prompt.maxLabel}
        </Typography>
      </Box>
    </Box>
  );
};

const OptionList = ({ options, multiple }: { options: readonly ChoiceOption[]; multiple: boolean }) => {
  const Icon = multiple ? CheckBoxOutlineBlankIcon : RadioButtonUncheckedIcon;
  return (
    <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {options.map((option) => (
        <Box component="li" key={option.id} sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, py: 0.5 }}>
          <Icon fontSize="small" color="action" aria-hidden sx={{ mt: '2px' }} />
          <Typography>{option.label}</Typography>
        </Box>
      ))}
    </Box>
  );
};

/** One prompt as a partner sees it on the homework page, read-only. */
export const PromptPreview = ({ prompt, number }: { prompt: Prompt; number: number }) => (
  <Box component="li" sx={{ py: 2, borderTop: 1, borderColor: 'divider', '&:first-of-type': { borderTop: 0 } }}>
    <Typography sx={{ fontWeight: 500 }}>
      {number}. {prompt.label}
      {!prompt.required && (
        <Typography component="span" color="text.secondary">
          {' '}
          (optional)
        </Typography>
      )}
      {audienceOf(prompt) === 'counselor_only' && (
        <Typography component="span" color="text.secondary">
          {' '}
          · only for the counselor
        </Typography>
      )}
    </Typography>
    {prompt.help && (
      <Typography variant="body2" color="text.secondary">
        {prompt.help}
      </Typography>
    )}
    <Box sx={{ mt: 1.5 }}>
      {prompt.kind === 'long_text' && (
        <>
          <Box
            aria-hidden
            sx={{ minHeight: 88, border: 1, borderColor: 'divider', borderRadius: 1, p: 1, color: 'text.secondary' }}
          >
            Their answer…
          </Box>
          <Typography variant="caption" color="text.secondary">
            {lengthHint(prompt)}
          </Typography>
        </>
      )}
      {prompt.kind === 'scale' && <ScalePreview prompt={prompt} />}
      {prompt.kind === 'checklist' && (
        <>
          <Typography variant="caption" color="text.secondary">
            {checklistHint(prompt)}
          </Typography>
          <OptionList options={prompt.options} multiple />
        </>
      )}
      {prompt.kind === 'single_choice' && (
        <>
          <Typography variant="caption" color="text.secondary">
            Choose one.
          </Typography>
          <OptionList options={prompt.options} multiple={false} />
        </>
      )}
    </Box>
  </Box>
);

/** All prompts, numbered, in a narrow column like the partner's phone. */
export const PromptsPreview = ({ prompts }: { prompts: readonly Prompt[] }) => (
  <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0, maxWidth: 560 }}>
    {prompts.map((prompt, index) => (
      <PromptPreview key={prompt.id} prompt={prompt} number={index + 1} />
    ))}
  </Box>
);
